const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');

/**
 * The one webpack configuration of Concord's Node programs (API, CLI, fixtures generator):
 * `src/main.ts` bundled with every @concord lib from source, packages left in node_modules,
 * readable output with source maps. `outputPath` is where `main.js` goes.
 */
module.exports = function nodeApp(outputPath) {
  return {
    output: { path: outputPath, clean: true },
    devtool: 'source-map',
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: false,
        sourceMap: true,
      }),
    ],
  };
};
