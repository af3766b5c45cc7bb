/**
 * Surnames by origin with relative frequencies. British weights follow the shape of the
 * ONS / Great Britain family-name counts (SMITH about 1.2% of the population, then a long
 * tail), so common-name collisions happen as often as they do in a real PAS. Other origins
 * carry the skews that matter for matching: KHAN/AHMED/PATEL, NOWAK, OKAFOR, LI/WANG.
 * Canonical spellings keep apostrophes and diacritics; source systems may strip them.
 */
export type Origin =
  | 'british'
  | 'irish'
  | 'south-asian'
  | 'polish'
  | 'west-african'
  | 'chinese'
  | 'arabic-somali'
  | 'southern-european';

/** Share of the synthetic population by origin of the family (roughly a large English city). */
export const ORIGIN_WEIGHTS: ReadonlyArray<readonly [Origin, number]> = [
  ['british', 70],
  ['irish', 6],
  ['south-asian', 9],
  ['polish', 3.5],
  ['west-african', 3.5],
  ['chinese', 2],
  ['arabic-somali', 3],
  ['southern-european', 3],
];

export const SURNAMES: Record<Origin, ReadonlyArray<readonly [string, number]>> = {
  british: [
    ['Smith', 1200], ['Jones', 950], ['Williams', 650], ['Taylor', 600], ['Brown', 560], ['Davies', 520],
    ['Evans', 440], ['Wilson', 420], ['Thomas', 400], ['Johnson', 390], ['Roberts', 380], ['Robinson', 330],
    ['Thompson', 320], ['Wright', 310], ['Walker', 300], ['White', 290], ['Edwards', 285], ['Hughes', 280],
    ['Green', 275], ['Hall', 270], ['Lewis', 265], ['Harris', 260], ['Clarke', 255], ['Patel', 250],
    ['Jackson', 245], ['Wood', 240], ['Turner', 235], ['Martin', 230], ['Cooper', 225], ['Hill', 220],
    ['Ward', 215], ['Morris', 210], ['Moore', 205], ['Clark', 200], ['Lee', 198], ['King', 195],
    ['Baker', 190], ['Harrison', 188], ['Morgan', 185], ['Allen', 180], ['James', 178], ['Scott', 175],
    ['Phillips', 172], ['Watson', 170], ['Davis', 165], ['Parker', 162], ['Price', 160], ['Bennett', 158],
    ['Young', 155], ['Griffiths', 152], ['Mitchell', 150], ['Kelly', 148], ['Cook', 146], ['Carter', 144],
    ['Richardson', 142], ['Bailey', 140], ['Collins', 138], ['Bell', 136], ['Shaw', 134], ['Murphy', 132],
    ['Miller', 130], ['Cox', 128], ['Richards', 126], ['Khan', 124], ['Marshall', 122], ['Anderson', 120],
    ['Simpson', 118], ['Ellis', 116], ['Adams', 114], ['Singh', 112], ['Begum', 110], ['Wilkinson', 108],
    ['Foster', 106], ['Chapman', 104], ['Powell', 102], ['Webb', 100], ['Rogers', 98], ['Gray', 96],
    ['Mason', 94], ['Ali', 92], ['Hunt', 90], ['Hussain', 88], ['Campbell', 86], ['Matthews', 84],
    ['Owen', 82], ['Palmer', 80], ['Holmes', 78], ['Mills', 76], ['Barnes', 74], ['Knight', 72],
    ['Lloyd', 70], ['Butler', 68], ['Russell', 66], ['Barker', 64], ['Fisher', 62], ['Stevens', 60],
    ['Jenkins', 58], ['Dixon', 56], ['Fletcher', 54], ['Howard', 52], ['Pearson', 50], ['Gibson', 48],
    ['Ashworth', 30], ['Sutcliffe', 28], ['Greenwood', 28], ['Ackroyd', 14], ['Holroyd', 14], ['Smyth', 12],
    ['Thomson', 40], ['MacDonald', 36], ['McKenzie', 30], ['Fairclough', 12], ['Featherstone', 10],
    ['Featherby', 4], ['Pickersgill', 4], ['Ramsbottom', 6], ['Whitehead', 26], ['Hargreaves', 24],
  ],
  irish: [
    ['Murphy', 90], ["O'Brien", 80], ['Kelly', 75], ["O'Sullivan", 60], ['Walsh', 60], ["O'Connor", 55],
    ['Byrne', 55], ['Ryan', 50], ["O'Neill", 50], ['Doyle', 40], ['McCarthy', 40], ['Gallagher', 35],
    ["O'Donnell", 30], ['Kennedy', 30], ['Lynch', 28], ['Quinn', 28], ['McLoughlin', 20], ['Fitzgerald', 20],
    ['Brennan', 18], ["O'Reilly", 18], ['Nolan', 16], ['Dunne', 15], ['Keane', 12], ['Ní Bhriain', 2],
  ],
  'south-asian': [
    ['Khan', 110], ['Patel', 130], ['Ahmed', 90], ['Hussain', 80], ['Ali', 85], ['Begum', 70],
    ['Singh', 75], ['Shah', 45], ['Akhtar', 35], ['Iqbal', 30], ['Mahmood', 30], ['Rahman', 35],
    ['Chowdhury', 25], ['Kaur', 40], ['Sharma', 25], ['Kumar', 25], ['Bibi', 25], ['Mistry', 15],
    ['Desai', 12], ['Islam', 20], ['Uddin', 18], ['Nawaz', 12], ['Malik', 22], ['Qureshi', 14],
    ['Choudhury', 10], ['Sandhu', 10], ['Gill', 14], ['Rehman', 12],
  ],
  polish: [
    ['Nowak', 40], ['Kowalski', 30], ['Wiśniewski', 22], ['Wójcik', 20], ['Kowalczyk', 18], ['Kamiński', 18],
    ['Lewandowski', 16], ['Zieliński', 14], ['Szymański', 14], ['Woźniak', 13], ['Dąbrowski', 12],
    ['Kozłowski', 10], ['Jankowski', 9], ['Mazur', 9], ['Kwiatkowski', 8], ['Krawczyk', 8], ['Grabowski', 7],
  ],
  'west-african': [
    ['Okafor', 20], ['Okeke', 16], ['Adeyemi', 16], ['Mensah', 18], ['Owusu', 16], ['Boateng', 14],
    ['Adebayo', 14], ['Oluwaseun', 6], ['Nwosu', 10], ['Eze', 12], ['Asante', 10], ['Ogunleye', 8],
    ['Afolabi', 8], ['Appiah', 10], ['Osei', 12], ['Okoro', 10], ['Bello', 8], ['Danso', 6],
  ],
  chinese: [
    ['Wang', 30], ['Li', 32], ['Zhang', 28], ['Chen', 26], ['Liu', 22], ['Wong', 24], ['Chan', 26],
    ['Lam', 14], ['Ng', 14], ['Cheung', 12], ['Huang', 12], ['Zhao', 8], ['Yang', 10], ['Ho', 10],
  ],
  'arabic-somali': [
    ['Mohamed', 40], ['Ahmed', 35], ['Hassan', 30], ['Abdi', 24], ['Ibrahim', 22], ['Omar', 18],
    ['Yusuf', 16], ['Farah', 16], ['Osman', 14], ['Abdullah', 14], ['Warsame', 8], ['Jama', 8],
  ],
  'southern-european': [
    ['Rossi', 14], ['Russo', 10], ['Ferrari', 8], ['Esposito', 8], ['Papadopoulos', 8], ['Georgiou', 10],
    ['Popescu', 12], ['Ionescu', 8], ['Silva', 14], ['Santos', 14], ['Pereira', 10], ['García', 12],
    ['Fernández', 10], ['Rodríguez', 10], ['Nuñez', 4], ['Conceição', 4],
  ],
};

/**
 * The names that make up most common-name collisions in a real index (many "John Smith"s
 * born in the same year): [given, family, sex].
 */
export const COMMON_FULL_NAMES: ReadonlyArray<readonly [string, string, 'M' | 'F']> = [
  ['John', 'Smith', 'M'],
  ['David', 'Jones', 'M'],
  ['Mohammed', 'Khan', 'M'],
  ['Muhammad', 'Ali', 'M'],
  ['Margaret', 'Smith', 'F'],
  ['Sarah', 'Williams', 'F'],
  ['James', 'Brown', 'M'],
  ['Mary', 'Murphy', 'F'],
  ['Fatima', 'Begum', 'F'],
  ['Michael', 'Taylor', 'M'],
];
