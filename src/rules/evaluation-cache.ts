// Rows often show the same thing (same product, mode and status): evaluations are kept for reuse.
// The page's row pipeline and the audit of API resource lists both evaluate through one of these.
import type { Evaluation, Resource } from './types';
import { evaluateCompiled, evaluationKey, type CompiledCatalog } from './engine';

const EVALUATION_CACHE = 2000;

/** evaluateCompiled with the last 2,000 distinct resources' evaluations kept (cleared when full). */
export function cachedEvaluator(compiled: CompiledCatalog): (resource: Resource) => Evaluation {
  const evaluations = new Map<string, Evaluation>();
  return (resource) => {
    const key = evaluationKey(resource);
    let evaluation = evaluations.get(key);
    if (!evaluation) {
      evaluation = evaluateCompiled(resource, compiled);
      if (evaluations.size >= EVALUATION_CACHE) evaluations.clear();
      evaluations.set(key, evaluation);
    }
    return evaluation;
  };
}
