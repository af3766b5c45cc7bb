/**
 * Real outward codes grouped by the area a hospital trust serves. Inward codes are made
 * up with the Royal Mail shape (digit + two letters from ABDEFGHJLNPQRSTUWXYZ), so the
 * postcodes look right and sort into real districts without pointing at real homes.
 */
export interface Area {
  /** Key used by the source-system table. */
  key: string;
  town: string;
  outwardCodes: readonly string[];
  /** Relative share of the population living here. */
  weight: number;
}

function range(prefix: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(`${prefix}${i}`);
  return out;
}

export const AREAS: readonly Area[] = [
  { key: 'leeds', town: 'Leeds', outwardCodes: range('LS', 1, 29), weight: 24 },
  { key: 'bradford', town: 'Bradford', outwardCodes: [...range('BD', 1, 22), 'BD98'], weight: 15 },
  { key: 'york', town: 'York', outwardCodes: ['YO1', 'YO10', 'YO19', 'YO23', 'YO24', 'YO26', 'YO30', 'YO31', 'YO32'], weight: 8 },
  { key: 'manchester', town: 'Manchester', outwardCodes: [...range('M', 1, 35), 'M40', 'M41', 'M50', 'M90'], weight: 20 },
  {
    key: 'london',
    town: 'London',
    outwardCodes: ['SE1', 'SE5', 'SE11', 'SE15', 'SE16', 'SE17', 'SW2', 'SW4', 'SW8', 'SW9', 'E1', 'E2', 'E3', 'E14', 'N1', 'N7', 'NW1', 'NW5'],
    weight: 23,
  },
  { key: 'birmingham', town: 'Birmingham', outwardCodes: range('B', 1, 45), weight: 10 },
];

/** Scottish districts for people who moved south with a CHI number. */
export const SCOTTISH_AREA: Area = {
  key: 'glasgow',
  town: 'Glasgow',
  outwardCodes: ['G1', 'G3', 'G11', 'G12', 'G20', 'G31', 'G41', 'G42', 'G51'],
  weight: 0,
};

export const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** NHS pseudo-postcode for "no fixed abode"; placeholder records carry it. */
export const NO_FIXED_ABODE_POSTCODE = 'ZZ99 3VZ';

export const STREET_NAMES: readonly string[] = [
  'Church', 'High', 'Station', 'Main', 'Park', 'Victoria', 'Green', 'Manor', 'Kings', 'Queens', 'Mill',
  'School', 'North', 'South', 'West', 'East', 'New', 'Albert', 'Chapel', 'Springfield', 'Grange', 'Windsor',
  'York', 'Beech', 'Oak', 'Elm', 'Ash', 'Willow', 'Cedar', 'Highfield', 'Moorland', 'Woodland', 'Meadow',
  'Orchard', 'Hollin', 'Ryecroft', 'Otley', 'Harrogate', 'Wakefield', 'Kirkstall', 'Headingley', 'Roundhay',
  'Harehills', 'Chapeltown', 'Beeston', 'Armley', 'Shipley', 'Manningham', 'Heaton', 'Bowling', 'Wibsey',
  'Rusholme', 'Moss', 'Wilmslow', 'Oxford', 'Stockport', 'Ashton', 'Cheetham', 'Camberwell', 'Peckham',
  'Brixton', 'Coldharbour', 'Whitechapel', 'Bethnal', 'Holloway', 'Kentish', 'Soho', 'Edgbaston', 'Aston',
  'Sparkbrook', 'Handsworth', 'Moseley', 'Alum Rock', 'Stratford', 'Coventry', 'Lichfield', 'Heworth',
  'Tadcaster', 'Fulford', 'Holgate', 'Clifton', 'Acomb', 'Bishopthorpe', 'Belgrave', 'Cavendish', 'Clarendon',
];

/** Full street types and the abbreviations clerks use for them (Rd/Road). */
export const STREET_TYPES: ReadonlyArray<readonly [string, string, number]> = [
  ['Road', 'Rd', 30],
  ['Street', 'St', 25],
  ['Avenue', 'Ave', 10],
  ['Lane', 'Ln', 10],
  ['Close', 'Cl', 6],
  ['Drive', 'Dr', 6],
  ['Crescent', 'Cres', 5],
  ['Grove', 'Gr', 4],
  ['Terrace', 'Terr', 4],
  ['Gardens', 'Gdns', 3],
  ['Place', 'Pl', 3],
  ['Court', 'Ct', 2],
  ['Way', 'Wy', 2],
];

export const EMAIL_DOMAINS: ReadonlyArray<readonly [string, number]> = [
  ['gmail.com', 40],
  ['hotmail.co.uk', 18],
  ['outlook.com', 12],
  ['yahoo.co.uk', 10],
  ['icloud.com', 8],
  ['btinternet.com', 6],
  ['sky.com', 3],
  ['nhs.net', 3],
];
