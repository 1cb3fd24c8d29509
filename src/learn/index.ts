/**
 * Preference learning for the "whole / learned" reading of alignment: an AI fits a model of H's
 * observed choices (Bradley–Terry, logit, a mixture of types, a capacity-limited feature model)
 * and then un-bounds it (argmax). Pure TypeScript over plain data and typed arrays; every random
 * function takes an explicit Random.
 */
export {
  bradleyTerryLogLik,
  bradleyTerryProbabilities,
  fitBradleyTerry,
  pairSampler,
  pairwiseEvaluator,
  requireScoresExist,
  sampleBradleyTerry,
} from './bradley-terry.js';
export { parseComparisonsCsv, writeComparisonsCsv } from './csv.js';
export {
  aggregate,
  type ChoiceRecord,
  type Choices,
  type ComparisonData,
  type ComparisonRecord,
  type Comparisons,
  choiceBeats,
  choices,
  comparisons,
  itemName,
  oneWayPairs,
  type PairProbabilities,
  pairProbabilities,
  pairsAsChoices,
  separation,
  winMatrix,
} from './data.js';
export { type Evaluator, type FeatureFit, type FitOptions, maximizeScores, type ScoreFit } from './engine.js';
export { featureMatrix, fitFeatureBradleyTerry, fitFeatureLogit } from './features.js';
export {
  type AnnotatorOptions,
  bordaScores,
  comparisonProbabilities,
  population,
  populationBorda,
  sampleComparisons,
  utilitarianScores,
} from './hidden-context.js';
export {
  choiceEvaluator,
  choiceProbabilities,
  fitLogit,
  fitRationality,
  logitLogLik,
  rankingsAsChoices,
  sampleChoices,
} from './logit.js';
export {
  fitMixture,
  type MixtureFit,
  type MixtureOptions,
  mixtureProbabilities,
  type TypeSeparation,
} from './mixture.js';
export { argmax, ordering, unbound } from './unbound.js';
