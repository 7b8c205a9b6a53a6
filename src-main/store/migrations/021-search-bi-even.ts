/**
 * Version 21 (issue 14): the bigram index in two halves, so a rebuild can write them at once on
 * the machine's two cores (store/search-half-worker.ts). A document with an even rowid goes into
 * search_bi_even, the others stay in search_bi; a search reads both. Nothing moves here: what
 * search_bi already holds stays where it is and is found as before (every writer deletes a
 * document from both halves before writing it again), and the next rebuild splits it.
 */
export const sql = /* sql */ `
CREATE VIRTUAL TABLE search_bi_even USING fts5(text, content = '', contentless_delete = 1, tokenize = 'ascii', detail = 'full');
CREATE VIRTUAL TABLE search_bi_even_vocab USING fts5vocab(search_bi_even, 'row');
`;
