// Shapes of the generated schema registry: APIs, their params, inventories and their joins.
// Produced by scripts/gen-schema from ZStack 5.2 API facts and the seed manual; read by every layer.
export {};
