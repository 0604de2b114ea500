/**
 * The embed-code builder moved into the editor page (editor/redaktion.html, built as
 * dist/redaktion.html); its code is editor/builder.ts. This module keeps the old import path.
 */
export * from '../editor/builder.js';
