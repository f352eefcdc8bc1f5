/**
 * Given names that, in English-language news, almost always name a man or almost always a woman: a
 * reader's default for `he` and `she` when the article gives no title. Names borne by both (Jordan,
 * Alex, Jean, Andrea, Kim, Sasha) are left out, and the article's own title or role always wins.
 */
import type { Gender } from './speakers-gender';

const MALE = `
aaron abdul abdullah adam adrian ahmed alan albert alejandro alexander alexei alfred ali alistair amir
andrew andrei andré andy angus anthony antony antonio arnold arthur barack barry ben benjamin benny bernard
bill billy bob bobby boris brad bradford brandon brian bruce bruno calvin carl carlos charles chris christian
christopher chuck clifton colin craig dan daniel danny darren dave david dean dennis derek dick dmitry
dominic donald doug douglas duncan dwight ed eddie edward elon emmanuel enrique eric erik ernest ethan evan
fabio felix fernando francis francisco frank franklin fred frederick gabriel gareth gary gavin geoffrey
george gerald gerard gordon graham grant greg gregory hans harold harry hassan hector henry howard hugh
hunter ian igor isaac ivan jack jacob jake james jared jason jay jeff jeffrey jeremy jerome jerry jim jimmy
joe joel john johnny jon jonathan jorge jose josé joseph josh joshua juan julian justin karl keir keith
ken kenneth kevin kyle larry lawrence leo leon lloyd louis luis luke marco marcus mario mark martin
matt matthew michael miguel mike mitch mitchell mohammed muhammad nathan neil nicholas nick nigel noah
norman oliver omar oscar owen patrick paul pedro pete peter phil philip pierre rafael ralph randy raymond
recep richard rick rishi rob robert roger roland ron ronald ross roy russell ryan salman samuel scott
sean sergei sergey seth simon stanley stephen steve steven stuart ted terry theodore thomas tim timothy tom
tony travis vladimir volodymyr walter wayne wes william xavier yuri zachary
`;

const FEMALE = `
abigail ada adriana agnes alexandra alice alicia alison amanda amber amelia amy ana anastasia angela
angelina ann anna anne annette antonia audrey barbara beatrice becky betty beverly brenda bridget
caroline carol carolyn catherine cathy charlotte chelsea cheryl christina christine cindy claire clara
claudia cristina cynthia daisy daniela deborah debbie denise diana diane donna doris dorothy elaine eleanor
elena elisabeth elizabeth ella ellen emily emma erin eva evelyn fiona frances gabriela gail giorgia gloria
grace gretchen hannah harriet heather helen helena hillary holly ingrid irene isabel isabella jacqueline
jacinda jane janet janice jennifer jessica jill joan joanna josephine joy joyce judith judy julia julie
june karen karine katherine kathleen kathryn kathy katie kate kamala kayleigh kimberly kristen
kristi kristin laura lauren leah lillian linda lisa liz lois lori lorraine louise lucy lydia madeleine
maria marie marina marine marjorie martha mary maxine megan melania melanie melissa meredith michelle
miriam molly monica nadia nancy naomi natalie natasha nicole nina olga olivia pamela patricia paula
pauline penny phyllis rachel rebecca regina rita roberta rosa rose ruth sally samantha sandra sara sarah
sharon sheila shirley silvia sofia sonia sophia sophie stephanie susan suzanne svetlana sylvia tamara
teresa theresa tiffany tina ursula valerie vanessa veronica victoria virginia wanda wendy yolanda
yvonne zoe
`;

const GENDERS = new Map<string, Gender>([
  ...MALE.split(/\s+/).filter(Boolean).map((n): [string, Gender] => [n, 'm']),
  ...FEMALE.split(/\s+/).filter(Boolean).map((n): [string, Gender] => [n, 'f']),
]);

/** The gender a person's given name (the first word of their full name) usually tells, or undefined. */
export function genderOfGivenName(fullName: string): Gender | undefined {
  const words = fullName.split(/\s+/);
  // A full name of one word is a surname as often as a given name.
  if (words.length < 2) return undefined;
  return GENDERS.get(words[0].toLowerCase());
}

/** Whether a capitalised word is a given name of the lists above ("Bill" in "Bill and Hillary Clinton"). */
export function isGivenName(word: string): boolean {
  return /^\p{Lu}/u.test(word) && GENDERS.has(word.toLowerCase());
}
