// Syntax tree of one command line: `ApiName key<op>value ...`, with source spans for every part.
/** The ten comparison operators of ZStack's query language (manual 3.9); `=null`/`!=null` mean is/not null. */
export const OPERATORS = ['=', '!=', '>', '<', '>=', '<=', '?=', '!?=', '~=', '!~='];
