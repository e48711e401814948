import DataLoader from 'dataloader';
import type { Viewer } from './viewer.js';

/**
 * A batch loader whose answers depend on who asks (contact details, the viewer's own requests): one DataLoader per
 * Viewer object within one request's loaders, so nothing passes from one viewer to another, and a request whose
 * viewer changes (a mutation that makes it a member) gets fresh answers. Batched but not cached: a batch's answers
 * serve that batch only, so a write earlier in the same document is seen by the next field.
 */
export function perViewerLoader<K, V>(batch: (viewer: Viewer, keys: readonly K[]) => Promise<V[]>): (viewer: Viewer) => DataLoader<K, V> {
  const loaders = new WeakMap<Viewer, DataLoader<K, V>>();
  return (viewer) => {
    let loader = loaders.get(viewer);
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => batch(viewer, keys), { cache: false });
      loaders.set(viewer, loader);
    }
    return loader;
  };
}
