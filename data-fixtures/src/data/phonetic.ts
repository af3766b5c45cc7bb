/**
 * Spellings that sound alike and that clerks interchange when a name is spoken at a
 * desk or on the phone. Groups are symmetric: any member may be written as any other.
 */
export const PHONETIC_GROUPS: ReadonlyArray<readonly string[]> = [
  ['Smith', 'Smyth', 'Smithe'],
  ['Mohammed', 'Muhammad', 'Mohammad', 'Mohamed', 'Muhammed'],
  ['Thompson', 'Thomson', 'Tomson'],
  ['Clarke', 'Clark'],
  ['Davies', 'Davis', 'Davey'],
  ['Catherine', 'Katherine', 'Kathryn', 'Catharine'],
  ['Stephen', 'Steven'],
  ['Philip', 'Phillip'],
  ['Jon', 'John'],
  ['Sean', 'Shaun', 'Shawn'],
  ['Claire', 'Clare'],
  ['Rachel', 'Rachael'],
  ['Zoë', 'Zoe', 'Zoey'],
  ['Aisha', 'Ayesha', 'Aysha'],
  ['Hussain', 'Hussein', 'Husain'],
  ['Rahman', 'Rehman'],
  ['Chowdhury', 'Choudhury', 'Chaudhry'],
  ['Begum', 'Begam'],
  ['Ahmed', 'Ahmad'],
  ['Yusuf', 'Yousef', 'Yusef'],
  ['Siobhan', 'Shivaun', 'Chevonne'],
  ['Niamh', 'Neve', 'Neave'],
  ['Gray', 'Grey'],
  ['Reid', 'Reed', 'Read'],
  ['MacDonald', 'McDonald'],
  ['McKenzie', 'MacKenzie'],
  ['Matthews', 'Mathews'],
  ['Phillips', 'Philips'],
  ['Lloyd', 'Loyd'],
  ['Jenkins', 'Jenkin'],
  ['Wong', 'Wang'],
  ['Chan', 'Chen'],
  ['Li', 'Lee'],
  ['Nowak', 'Novak'],
  ['Wójcik', 'Wojcik', 'Voycheck'],
  ['Owusu', 'Owusuh'],
  ['Mensah', 'Mensa'],
  ['Hannah', 'Hanna'],
  ['Sophie', 'Sophia'],
  ['Lewis', 'Louis'],
  ['Isla', 'Islay'],
  ['Megan', 'Meghan'],
  ['Jacqueline', 'Jaqueline'],
  ['Deborah', 'Debra'],
  ['Ellie', 'Elly'],
  ['Freya', 'Freyja'],
  ['Rhys', 'Reece', 'Rees'],
  ['Gareth', 'Garath'],
  ['Fatima', 'Fatimah', 'Fatema'],
  ['Maryam', 'Mariam', 'Miriam'],
];

const BY_NAME = new Map<string, readonly string[]>();
for (const group of PHONETIC_GROUPS) {
  for (const name of group) BY_NAME.set(name.toLowerCase(), group.filter((g) => g !== name));
}

/** Known sound-alike spellings of a name (any case), or an empty list. */
export function phoneticVariantsOf(name: string): readonly string[] {
  return BY_NAME.get(name.toLowerCase()) ?? [];
}

/**
 * Spelling rewrites that keep the sound, for names not in the table. Order matters:
 * the first rule that changes the name wins, so the output stays a plausible spelling.
 */
export const PHONETIC_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/ph/i, 'f'],
  [/ck/i, 'k'],
  [/ey$/i, 'y'],
  [/ie$/i, 'y'],
  [/y$/i, 'ie'],
  [/ou/i, 'ow'],
  [/ee/i, 'ea'],
  [/ai/i, 'ay'],
  [/([bdglmnprst])\1/i, '$1'],
  [/son$/i, 'sen'],
  [/^mc/i, 'Mac'],
  [/^mac/i, 'Mc'],
  [/c([aou])/i, 'k$1'],
  [/k([aou])/i, 'c$1'],
  [/z/i, 's'],
  [/s([aeiou])/i, 'z$1'],
  [/th/i, 't'],
  [/([aeiou])r$/i, '$1h'],
  [/([^aeiou])a$/i, '$1ah'],
  [/ah$/i, 'a'],
  [/i/i, 'y'],
  [/y/i, 'i'],
];
