// The map's geometry, projected when the explorer is built (vite.config.ts).
declare module 'virtual:world-places' {
  const world: import('./world-projection').World;
  export default world;
}
