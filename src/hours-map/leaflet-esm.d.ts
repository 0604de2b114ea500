/** Leaflet 1.9 ships an ES module build beside its UMD `main`; its types are @types/leaflet. */
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
