// The layers of src/, lowest first (ARCHITECTURE.md explains each). A folder may import any folder
// of a LOWER rank, never one of its own rank or above, so every arrow points down and a wrong-way
// import fails `npm test`. Folders of one rank are siblings that know nothing of each other: rules
// never see the host (probes), and apply, script and patch are three separate ways to carry out a plan.
const LAYERS = [
  ['core'],
  ['facts', 'inventory'],
  ['probes', 'rules'],
  ['profiles', 'scan'],
  ['audit'],
  ['plan-model', 'fleet'],
  ['compose', 'dockerfile'],
  ['artifacts'],
  ['plan'],
  ['apply', 'script', 'patch', 'ansible'],
  ['services'],
  ['wizard'],
  ['cli'],
];

const ALL = LAYERS.flat();
const TESTS = '\\.test\\.tsx?$';
const folders = (list) => `^src/(${list.join('|')})/`;

// One rule per folder: nothing at its own rank (but itself) or above it.
const layerRules = LAYERS.flatMap((rank, i) => rank.map((folder) => {
  const notBelow = [...rank.filter((f) => f !== folder), ...LAYERS.slice(i + 1).flat()];
  return {
    name: `layer-${folder}`,
    comment: `src/${folder}/ may import only these lower layers: ${LAYERS.slice(0, i).flat().join(', ') || 'none'}.`,
    severity: 'error',
    from: { path: `^src/${folder}/`, pathNot: TESTS },
    to: { path: folders(notBelow) },
  };
}).filter((rule) => rule.to.path !== '^src/()/'));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'Files that import each other in a loop: move what both need into a file of its own.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'folder-in-a-layer',
      comment: 'Every folder of src/ has a place in LAYERS (.dependency-cruiser.cjs) and in ARCHITECTURE.md.',
      severity: 'error',
      from: { path: '^src/', pathNot: folders(ALL) },
      to: {},
    },
    {
      name: 'import-of-a-folder-in-a-layer',
      comment: 'Every folder of src/ has a place in LAYERS (.dependency-cruiser.cjs) and in ARCHITECTURE.md.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/', pathNot: folders(ALL) },
    },
  ],
  options: {
    includeOnly: '^src/',
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a type that points back up is as much a wrong-way arrow as a call.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
