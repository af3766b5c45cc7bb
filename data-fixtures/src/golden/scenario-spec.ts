import { GoldenBuilder } from './builder';
import { GoldenCase } from './types';

/** A golden scenario before it is built: its cases come from a seeded builder. */
export interface GoldenScenarioSpec {
  scenario: string;
  description: string;
  build: (b: GoldenBuilder) => GoldenCase[];
}
