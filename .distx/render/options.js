// Public option types for the renderers.
export const OUTPUT_FORMATS = ['json', 'table', 'yaml', 'csv', 'value'];
