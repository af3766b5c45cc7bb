/**
 * Given name → nicknames a UK clerk actually types. Every pair is taken from the
 * carltonnorthern/nicknames list (Apache-2.0, copied with its licence to
 * ./nicknames/names.csv; a test checks each pair is in it), narrowed to the forms common
 * in Britain so that a matcher using that list can recognise every nickname we emit.
 */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  abigail: ['abbie', 'abby'],
  alexander: ['alex', 'sandy'],
  amanda: ['mandy'],
  andrew: ['andy', 'drew'],
  anthony: ['tony'],
  barbara: ['babs'],
  benjamin: ['ben', 'benny'],
  bridget: ['bridie'],
  catherine: ['cathy', 'katy'],
  christine: ['chris', 'tina'],
  christopher: ['chris'],
  daniel: ['dan', 'danny'],
  david: ['dave', 'davey'],
  deborah: ['debbie', 'deb'],
  dorothy: ['dot', 'dotty'],
  edward: ['ed', 'eddie', 'ted'],
  elizabeth: ['liz', 'beth', 'betty', 'lizzie'],
  frederick: ['fred', 'freddie'],
  jacqueline: ['jackie', 'jacqui'],
  james: ['jim', 'jimmy', 'jamie'],
  jennifer: ['jenny', 'jen'],
  jessica: ['jess'],
  john: ['jack', 'johnny', 'jon'],
  joseph: ['joe'],
  katherine: ['kate', 'kathy', 'katy'],
  kathleen: ['kathy', 'kay'],
  kenneth: ['ken', 'kenny'],
  margaret: ['peggy', 'maggie', 'meg'],
  mary: ['molly', 'polly'],
  matthew: ['matt'],
  michael: ['mike', 'mick', 'micky'],
  nicholas: ['nick', 'nicky'],
  patricia: ['pat', 'trish'],
  patrick: ['paddy', 'pat'],
  peter: ['pete'],
  philip: ['phil'],
  raymond: ['ray'],
  rebecca: ['becky', 'becca'],
  richard: ['rich', 'richie', 'dick'],
  robert: ['bob', 'rob', 'bobby'],
  ronald: ['ron', 'ronnie'],
  samuel: ['sam', 'sammy'],
  stephen: ['steve'],
  susan: ['sue', 'susie'],
  thomas: ['tom', 'tommy'],
  victoria: ['vicky', 'vicki'],
  william: ['bill', 'will', 'billy'],
};

/** The nicknames of a given name (any case), or an empty list. */
export function nicknamesOf(givenName: string): readonly string[] {
  return NICKNAMES[givenName.toLowerCase()] ?? [];
}
