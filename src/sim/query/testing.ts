// Test fixture for the query engine's units: a store on a fixed clock with the renderer, the schema recorder and the
// text writer over it, on the generated registry or on a small one made for the test (a nesting chain deeper than any
// real inventory's, joins that lack keys).
import { loadRegistry, Registry } from '../../schema/registry.js';
import type { FieldDef, InventoryDef, JoinDef } from '../../schema/types.js';
import { IdSource } from '../store/ids.js';
import { Store } from '../store/store.js';
import { Renderer } from './render.js';
import { RowCache } from './row-cache.js';
import { SchemaRecorder } from './schema.js';
import { RowText } from './text.js';

/** The store's clock, and how ZStack writes it. */
export const CLOCK = Date.UTC(2024, 9, 17, 5, 45, 35);
export const CLOCK_TEXT = 'Oct 17, 2024 5:45:35 AM';

export interface World {
  registry: Registry;
  store: Store;
  schema: SchemaRecorder;
  renderer: Renderer;
  /** A text writer over the store, with a row cache when asked. */
  text(cache?: boolean): RowText;
}

export function world(registry: Registry = loadRegistry()): World {
  const store = new Store(registry, new IdSource('query-units'), () => CLOCK);
  const schema = new SchemaRecorder(registry);
  const renderer = new Renderer(store, registry, schema);
  return { registry, store, schema, renderer, text: (cache = false) => new RowText(store, renderer, schema, new Map(), cache ? new RowCache(store) : undefined) };
}

/** An inventory for a made-up registry: `fields` as `name:Type`, joins as [name, inventory, foreignKey, targetKey]. */
export function inventory(name: string, fields: string[], joins: [string, string, string, string][] = [], extra: Partial<InventoryDef> = {}): InventoryDef {
  const defs: FieldDef[] = fields.map((f) => {
    const [n, type] = f.split(':') as [string, string];
    return { name: n, type };
  });
  const js: JoinDef[] = joins.map(([n, inv, foreignKey, targetKey]) => ({ name: n, inventory: inv, foreignKey, targetKey, hidden: false }));
  return { name, fields: defs, queryable: defs.map((f) => f.name), joins: js, ...extra };
}

export function registryOf(inventories: InventoryDef[]): Registry {
  return new Registry({ version: 'test', apis: [], inventories, queryParams: [] });
}
