import { strict as assert } from 'node:assert';
import { findQuotes } from '../../../../src/core/quotes';
import { paragraphs } from '../../../../src/core/text/paragraphs';

/** The kind of every quote of a small hand-made text, by its words. */
function kinds(text: string): [string, string][] {
  return findQuotes(text, paragraphs(text)).map((q) => [q.text, q.kind]);
}

describe('quote kinds: a short quote closed by a comma before its attribution', () => {
  it('is a statement whichever comes first, the speaker or the verb', () => {
    assert.deepEqual(kinds('“The system worked,” Smith said.'), [['The system worked', 'statement']]);
    assert.deepEqual(kinds('“The system worked,” said Smith.'), [['The system worked', 'statement']]);
  });

  it('is still a term when nothing follows the verb', () => {
    assert.deepEqual(kinds('They called it “the system worked,” said.'), [['the system worked', 'term']]);
  });
});

describe('quote kinds: short clauses are statements', () => {
  it('reads a verb of the present tense with what follows it as a clause', () => {
    assert.deepEqual(kinds('The senator promised “reform starts today” at the rally.'), [['reform starts today', 'statement']]);
    assert.deepEqual(kinds('Rivera Vows ‘Help Arrives Now’ in Flood Speech'), [['Help Arrives Now', 'statement']]);
    assert.deepEqual(kinds('He insisted that “the customer comes first” in every market.'), [['the customer comes first', 'statement']]);
  });

  it('keeps plural nouns and two-word slogans terms', () => {
    assert.deepEqual(kinds('The union drew “red lines” on pensions.'), [['red lines', 'term']]);
    assert.deepEqual(kinds('They spoke of “boots on the ground” in the region.'), [['boots on the ground', 'term']]);
    assert.deepEqual(kinds('She stood under the new banner “Hope Returns” and waved.'), [['Hope Returns', 'term']]);
    assert.deepEqual(kinds('Only 30% of the “million shells that the bloc” promised arrived.'), [['million shells that the bloc', 'term']]);
  });

  it('reads an -ing verb with its object as the rest of the sentence that frames it', () => {
    assert.deepEqual(kinds('The minister accused his rival of “playing with people’s savings” on air.'), [['playing with people’s savings', 'statement']]);
    assert.deepEqual(kinds('Senator Accuses Regulator of ‘Sleeping on the Job’'), [['Sleeping on the Job', 'statement']]);
  });

  it('keeps an -ing noun and a noun with “of” terms', () => {
    assert.deepEqual(kinds('He called it “a meeting with the press” and left.'), [['a meeting with the press', 'term']]);
    assert.deepEqual(kinds('Critics dismissed the “building of walls” as costly.'), [['building of walls', 'term']]);
    assert.deepEqual(kinds('Critics condemned the “sending of troops” abroad.'), [['sending of troops', 'term']]);
    assert.deepEqual(kinds('The party has a “growing sense of unease” about it.'), [['growing sense of unease', 'term']]);
  });

  it('reads a reply opening with an interjection as a statement, a mention of one inside a sentence as a term', () => {
    assert.deepEqual(kinds('“Was it you?” the judge asked.\n\n“Yes ma’am,” the witness replied.'), [
      ['Was it you?', 'statement'],
      ['Yes ma’am', 'statement'],
    ]);
    assert.deepEqual(kinds('He asked whether she had ever said “thank you” for the aid.'), [['thank you', 'term']]);
    assert.deepEqual(kinds('Voters backed a “no deal” exit.'), [['no deal', 'term']]);
  });

  it('reads the rest of a sentence opening with a conjunction as a statement', () => {
    assert.deepEqual(kinds('He said a deal was still possible, “but only with real concessions from both sides.”'), [
      ['but only with real concessions from both sides.', 'statement'],
    ]);
  });

  it('reads a quote standing as a sentence of its own as a statement', () => {
    assert.deepEqual(kinds('The coach smiled. He added: “We deserved it”.'), [['We deserved it', 'statement']]);
    assert.deepEqual(kinds('The crowd cheered.\n\n“Well played.”'), [['Well played.', 'statement']]);
  });

  it('keeps a headline’s quoted name a term', () => {
    assert.deepEqual(kinds('‘Summer Of Fire’ Warns Forecaster As Heat Builds'), [['Summer Of Fire', 'term']]);
  });
});

describe('quote kinds: the rest of a clause begun outside the marks', () => {
  it('reads past an adverb between an auxiliary and the quote', () => {
    assert.deepEqual(kinds('The mayor said the city could now “rebuild its harbour” within a year.'), [['rebuild its harbour', 'statement']]);
  });

  it('reads past an aside between commas after the copula', () => {
    assert.deepEqual(kinds('It was, in the words of Ana Ruiz, a veteran negotiator, “a bad day for diplomacy.”'), [
      ['a bad day for diplomacy.', 'statement'],
    ]);
  });

  it('reads a quote after a pronoun with its auxiliary or after “being” as a predicate', () => {
    assert.deepEqual(kinds('She replied that she’d “read and studied the reports.”'), [['read and studied the reports.', 'statement']]);
    assert.deepEqual(kinds('He accused them of being “unfair to the workers.”'), [['unfair to the workers.', 'statement']]);
  });

  it('reads a verb left without its subject by a reporting verb as part of the reported clause', () => {
    assert.deepEqual(kinds('He described a plan which he said needed “a real effort from everyone.”'), [
      ['a real effort from everyone.', 'statement'],
    ]);
  });

  it('keeps the object of the preposition “to” and a counted object of “has” terms', () => {
    assert.deepEqual(kinds('The economy has moved from growth to “an age of stagnation” this year.'), [['an age of stagnation', 'term']]);
    assert.deepEqual(kinds('Voters can look forward to “seasons of plenty” soon.'), [['seasons of plenty', 'term']]);
    assert.deepEqual(kinds('Radar shows the storm has now “one wide eye” over the sea.'), [['one wide eye', 'term']]);
    assert.deepEqual(kinds('The company must “cut its costs” quickly.'), [['cut its costs', 'statement']]);
  });

  it('keeps a scare-quoted noun phrase inside a sentence a term', () => {
    assert.deepEqual(kinds('Lawmakers faced “hard questions” from the panel.'), [['hard questions', 'term']]);
    assert.deepEqual(kinds('The secretary said the world had entered “an era of scarcity” last month.'), [['an era of scarcity', 'term']]);
  });

  it('reads a verb that finishes a clause an attribution interrupts as a statement', () => {
    const text = 'His shifting stories, the judge said, “necessitated more lies,” a pattern that kept repeating itself.';
    assert.deepEqual(kinds(text), [['necessitated more lies', 'statement']]);
    assert.deepEqual(kinds('The plan, the minister said, “reflects our values” and more.'), [['reflects our values', 'statement']]);
  });

  it('keeps a noun phrase after an interrupting attribution a term, after an opening phrase or a clause of report', () => {
    assert.deepEqual(kinds('In court on Friday, the judge said, “unprecedented levels of deceit” were shown.'), [['unprecedented levels of deceit', 'term']]);
    assert.deepEqual(kinds('He told them, she said, “limited edition prints” were sold.'), [['limited edition prints', 'term']]);
  });
});
