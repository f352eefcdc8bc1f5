import type { QuoteKind, QuoteRef } from '../../src/core/types';

/**
 * The quotations of the five seed articles, copied by hand from the text between the quote marks, so
 * the matcher is tested apart from the quote finder. Ids follow the corpus scheme `<doc>-q<n>`.
 */
const SEEDS: Record<string, [QuoteKind, string][]> = {
  '000': [
    ['statement', 'I made it clear that if China does not address this problem, we will,'],
    ['statement', 'Russia would struggle to sustain its assault on Ukraine without China’s support,'],
    ['term', 'territorial integrity'],
    ['term', 'legitimate concerns of all countries,'],
    ['term', 'normal'],
    ['statement', 'Fueling Russia’s defense industrial base not only threatens Ukrainian security, it threatens European security,'],
    ['statement', 'As we have told China for some time, ensuring transatlantic security is a core US interest.'],
    ['statement', 'We are committed to maintaining and strengthening lines of communication to advance that agenda, and again deal responsibly with our differences so we avoid any miscommunications, any misperceptions, or any miscalculations,'],
    ['term', 'ensure freedom of navigation.'],
    ['statement', 'We have expressed our concerns about China’s activities in the region. The US seeks de-escalation but will honor its security commitments,'],
    ['term', 'utilize its influence'],
  ],
  '001': [
    ['statement', 'It would be difficult for Russia to continue its offensive in Ukraine without China’s support,'],
    ['term', 'serious concerns'],
    ['statement', 'China is a leading supplier of machine tools, microelectronics, nitrocellulose, which is critical to the production of munitions and rocket fuel, and other dual-use goods that Moscow uses to build up its defence industrial base,'],
    ['statement', 'has an impact not only on the battlefield in Ukraine, but also poses a major threat to European security as a whole.'],
    ['statement', 'Beijing cannot achieve better relations with Europe by supporting the most serious threat to European security since the end of the Cold War,'],
    ['statement', 'It is extremely hypocritical and irresponsible of the US to introduce a bill for large-scale aid to Ukraine while making baseless accusations against normal economic and trade exchanges between China and Russia,'],
  ],
  '002': [
    ['term', 'influence and arguably interfere'],
    ['statement', 'We have seen, generally speaking, evidence of attempts to influence and arguably interfere, and we want to make sure that that’s cut off as quickly as possible.\nAny interference by China in our election is something that we’re looking very carefully at and is totally unacceptable to us, so I wanted to make sure that they heard that message again,'],
    ['statement', 'We are (now) focused on areas where we’re working to cooperate, but also we’re being very forthright about our differences, and that’s important if we’re going to avoid the competition we’re in turning into conflict,'],
    ['statement', 'What we said to China is this – we’re going to take actions we already have, and if it doesn’t stop, we’re going to have to take more action, and you can anticipate as well, that other countries will (too). We’re looking to them to act, and … if they don’t, we will,'],
    ['term', 'groundless accusations'],
    ['term', 'normal trade and economic exchanges'],
    ['term', 'int’l sponsors of war'],
  ],
  '003': [
    ['term', 'driving'],
    ['term', 'driving'],
    ['statement', 'I reiterated our grave concerns that the People’s Republic of China is providing components that fuel Russia’s brutal war of aggression against Ukraine,'],
    ['statement', 'China is the largest supplier of machine tools, microelectronics, nitrocellulose, which is crucial for making munitions and rocket fuels, and other dual-use items that Moscow uses to boost its defense industrial base.'],
    ['term', 'strategic partnership in the defense sector'],
    ['term', 'unrestricted'],
    ['term', 'had a material effect in Ukraine'],
    ['statement', 'not a producer of or involved in the Ukraine crisis.'],
    ['statement', 'This is a fundamental issue that needs to be addressed, just like the first button of a shirt that needs to be straightened, so that the China-US relationship can truly stabilize, improve and progress,'],
    ['term', 'giant ship'],
    ['statement', 'but the negative factors in the relationship are still increasing and increasing.'],
    ['term', 'endless'],
    ['statement', 'And the relationship is confronted with all kinds of disruptions. China’s legitimate development rights have been unreasonably suppressed and our core interests are facing challenges,'],
    ['term', 'red lines'],
    ['statement', 'more needs to be done.'],
  ],
  '004': [
    ['statement', 'We reiterate our deep concerns about the People’s Republic of China’s support of Russia’s defense industrial base.'],
    ['statement', 'The concern there is that through Chinese support, Russia has significantly reshaped its defense industrial base, which has an impact not only on the battlefield in Ukraine, but poses a greater threat, we believe, to broader European security.'],
    ['statement', 'So this raises our deep concerns. We will express these concerns to China and we will express our intention to have China reduce this support.'],
    ['term', 'Further steps as necessary'],
    ['statement', 'We are committed to taking the necessary steps to defend our national interests, and we stand ready to take steps when we deem them necessary against companies that take steps that conflict with our interests and in ways that – as we have noted here – severely undermine security in both Ukraine and Europe. The speaker said.'],
    ['term', 'Very direct'],
    ['term', 'Holding China accountable'],
    ['statement', 'What we have tried to stress with the European and Chinese interlocutors is that these dual objectives are inconsistent, and that we want China to think very carefully about the way forward.'],
    ['statement', 'China regulates the export of dual-use items in accordance with laws and regulations.'],
    ['statement', 'Relevant countries should not distort or attack the normal relations between China and Russia, and should not harm the legitimate rights and interests of China and Chinese companies.'],
  ],
};

/** The seed quotes of one document, as the corpus hands them to the index. */
export function seedQuotes(docId: string): QuoteRef[] {
  return (SEEDS[docId] ?? []).map(([kind, text], i) => ({ id: `${docId}-q${i}`, docId, text, kind }));
}

export const SEED_DOCS = Object.keys(SEEDS);
