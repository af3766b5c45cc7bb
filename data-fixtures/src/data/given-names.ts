import { Origin } from './surnames';

/**
 * Given names by origin and sex with relative frequencies (shape of ONS baby-name and
 * census counts across the generations alive today: older names like Margaret and
 * William sit next to Olivia and Muhammad). Every origin has a few spelling families
 * (Mohammed/Muhammad, Katherine/Catherine) because those decide phonetic matching.
 */
type Table = ReadonlyArray<readonly [string, number]>;

export const GIVEN_NAMES: Record<Origin, { M: Table; F: Table }> = {
  british: {
    M: [
      ['John', 120], ['David', 110], ['Michael', 95], ['James', 95], ['William', 80], ['Robert', 75],
      ['Paul', 70], ['Peter', 65], ['Richard', 60], ['Thomas', 60], ['Christopher', 58], ['Andrew', 58],
      ['Mark', 55], ['Stephen', 55], ['Daniel', 50], ['Matthew', 50], ['Anthony', 45], ['George', 45],
      ['Jack', 45], ['Harry', 42], ['Oliver', 42], ['Charlie', 35], ['Jake', 25], ['Joseph', 35],
      ['Samuel', 32], ['Edward', 30], ['Henry', 28], ['Alexander', 28], ['Benjamin', 28], ['Kenneth', 25],
      ['Alan', 30], ['Brian', 28], ['Ian', 30], ['Gary', 25], ['Kevin', 25], ['Stuart', 20], ['Leo', 20],
      ['Noah', 22], ['Arthur', 22], ['Frederick', 15], ['Ronald', 18], ['Raymond', 16], ['Dylan', 15],
      ['Callum', 15], ['Ryan', 18], ['Liam', 18], ['Jamie', 14], ['Lewis', 14], ['Dean', 10], ['Gareth', 10],
      ['Rhys', 10], ['Owen', 12], ['Theo', 14], ['Alfie', 14], ['Archie', 12], ['Nicholas', 22], ['Philip', 20],
    ],
    F: [
      ['Margaret', 70], ['Sarah', 80], ['Elizabeth', 70], ['Susan', 60], ['Mary', 65], ['Patricia', 40],
      ['Emma', 60], ['Jennifer', 45], ['Catherine', 40], ['Katherine', 35], ['Helen', 45], ['Rebecca', 40],
      ['Claire', 40], ['Karen', 40], ['Julie', 35], ['Jacqueline', 28], ['Deborah', 28], ['Amanda', 30],
      ['Nicola', 30], ['Laura', 38], ['Charlotte', 40], ['Olivia', 40], ['Amelia', 35], ['Isla', 25],
      ['Ava', 25], ['Emily', 38], ['Sophie', 35], ['Lucy', 32], ['Jessica', 30], ['Hannah', 30], ['Ella', 25],
      ['Ellie', 22], ['Grace', 25], ['Chloe', 28], ['Megan', 22], ['Victoria', 25], ['Joanne', 25],
      ['Dorothy', 18], ['Joan', 20], ['Barbara', 22], ['Christine', 25], ['Linda', 25], ['Alice', 22],
      ['Florence', 15], ['Freya', 15], ['Poppy', 14], ['Rachel', 25], ['Louise', 25], ['Gemma', 18],
      ['Rhiannon', 8], ['Siân', 6], ['Zoë', 10], ['Abigail', 20], ['Kathleen', 18], ['Evelyn', 14],
    ],
  },
  irish: {
    M: [
      ['Patrick', 40], ['Sean', 30], ['Seán', 10], ['Michael', 30], ['Liam', 20], ['Conor', 18], ['Declan', 14],
      ['Ciaran', 12], ['Ciarán', 6], ['Niall', 12], ['Eoin', 10], ['Padraig', 6], ['Brendan', 10], ['Kieran', 10],
      ['John', 25], ['Thomas', 15], ['Daniel', 12], ['Oisín', 4],
    ],
    F: [
      ['Mary', 35], ['Siobhan', 20], ['Siobhán', 6], ['Aoife', 14], ['Niamh', 16], ['Ciara', 14], ['Sinead', 12],
      ['Sinéad', 6], ['Bridget', 12], ['Kathleen', 14], ['Roisin', 10], ['Róisín', 4], ['Orla', 10],
      ['Margaret', 15], ['Catherine', 12], ['Saoirse', 6], ['Eileen', 10],
    ],
  },
  'south-asian': {
    M: [
      ['Mohammed', 60], ['Muhammad', 50], ['Mohammad', 20], ['Mohamed', 10], ['Ahmed', 20], ['Ali', 20],
      ['Imran', 18], ['Amir', 14], ['Hassan', 14], ['Bilal', 12], ['Zain', 12], ['Arjun', 10], ['Rajesh', 10],
      ['Sanjay', 10], ['Vijay', 8], ['Harpreet', 8], ['Gurpreet', 8], ['Jaswinder', 6], ['Rahul', 10],
      ['Ravi', 10], ['Abdul', 18], ['Tariq', 10], ['Faisal', 10], ['Yusuf', 10], ['Ibrahim', 10], ['Rizwan', 8],
    ],
    F: [
      ['Fatima', 30], ['Aisha', 25], ['Ayesha', 12], ['Zainab', 16], ['Maryam', 16], ['Amina', 14],
      ['Nasreen', 10], ['Shazia', 10], ['Samina', 8], ['Priya', 14], ['Anjali', 10], ['Sunita', 10],
      ['Parveen', 10], ['Rukhsana', 8], ['Harpreet', 8], ['Manjit', 8], ['Simran', 10], ['Noor', 10],
      ['Hafsa', 8], ['Sana', 10], ['Nazia', 8], ['Shabana', 8],
    ],
  },
  polish: {
    M: [
      ['Piotr', 20], ['Krzysztof', 16], ['Tomasz', 16], ['Paweł', 14], ['Michał', 14], ['Łukasz', 14],
      ['Marcin', 12], ['Jakub', 12], ['Kamil', 10], ['Mateusz', 10], ['Grzegorz', 8], ['Wojciech', 8],
    ],
    F: [
      ['Anna', 22], ['Katarzyna', 16], ['Magdalena', 14], ['Agnieszka', 14], ['Małgorzata', 12],
      ['Joanna', 12], ['Aleksandra', 10], ['Monika', 10], ['Ewa', 10], ['Zofia', 8], ['Natalia', 8],
    ],
  },
  'west-african': {
    M: [
      ['Chinedu', 10], ['Emeka', 10], ['Oluwaseun', 8], ['Kwame', 10], ['Kofi', 10], ['Kwabena', 6],
      ['Adebayo', 8], ['Tunde', 8], ['Babatunde', 6], ['Samuel', 10], ['Emmanuel', 12], ['Daniel', 8],
      ['Chukwuemeka', 4], ['Yaw', 6], ['Femi', 6],
    ],
    F: [
      ['Chioma', 10], ['Ngozi', 8], ['Adaeze', 6], ['Folake', 6], ['Abena', 8], ['Akosua', 6], ['Ama', 8],
      ['Funmilayo', 4], ['Grace', 10], ['Blessing', 10], ['Esther', 8], ['Comfort', 6], ['Precious', 6],
    ],
  },
  chinese: {
    M: [['Wei', 14], ['Jun', 10], ['Hao', 8], ['Ming', 10], ['Jian', 8], ['Kevin', 6], ['Tao', 6], ['Chi Keung', 4]],
    F: [['Mei', 12], ['Li Na', 8], ['Xiu Ying', 6], ['Jing', 10], ['Yan', 10], ['Hui', 8], ['Ling', 8], ['Wing Yee', 4]],
  },
  'arabic-somali': {
    M: [['Mohamed', 20], ['Abdirahman', 10], ['Abdullahi', 10], ['Ahmed', 12], ['Omar', 10], ['Hassan', 10], ['Ismail', 8], ['Yusuf', 8]],
    F: [['Fadumo', 10], ['Hodan', 8], ['Amina', 10], ['Ayaan', 6], ['Hawa', 8], ['Maryan', 8], ['Khadija', 10], ['Sahra', 6]],
  },
  'southern-european': {
    M: [['Giuseppe', 8], ['Marco', 10], ['Andrei', 10], ['Ion', 6], ['João', 8], ['José', 10], ['Nikos', 6], ['Georgios', 6], ['Luca', 8]],
    F: [['Maria', 20], ['Giulia', 8], ['Elena', 10], ['Ioana', 8], ['Ana', 10], ['Sofia', 10], ['Eleni', 6], ['Inês', 4]],
  },
};

/** Pairs of close given names that twins are often given (the Jack/Jake trap). */
export const CLOSE_TWIN_NAMES: ReadonlyArray<readonly [string, string, 'M' | 'F', 'M' | 'F']> = [
  ['Jack', 'Jake', 'M', 'M'],
  ['Ella', 'Ellie', 'F', 'F'],
  ['Harry', 'Henry', 'M', 'M'],
  ['Amelia', 'Emilia', 'F', 'F'],
  ['Aisha', 'Ayesha', 'F', 'F'],
  ['Oliver', 'Olivia', 'M', 'F'],
  ['Daniel', 'Danielle', 'M', 'F'],
  ['Hassan', 'Hussain', 'M', 'M'],
  ['Lily', 'Lilly', 'F', 'F'],
  ['Leo', 'Leon', 'M', 'M'],
];

/** NATO phonetic alphabet: emergency departments name unidentified patients with two words. */
export const PHONETIC_ALPHABET = [
  'ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO', 'FOXTROT', 'GOLF', 'HOTEL', 'INDIA', 'JULIET', 'KILO', 'LIMA',
  'MIKE', 'NOVEMBER', 'OSCAR', 'PAPA', 'QUEBEC', 'ROMEO', 'SIERRA', 'TANGO', 'UNIFORM', 'VICTOR', 'WHISKY',
  'XRAY', 'YANKEE', 'ZULU',
] as const;
