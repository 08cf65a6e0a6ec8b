// Loaded into Prism's process before Prism (node --require). Prism stops on SIGTERM; ended by the
// signal itself, Node would write nothing at exit, and its compile cache, when one is enabled
// (NODE_COMPILE_CACHE), would stay empty: Prism's next start would compile its modules again
// (a quarter of its start-up). Ending through process.exit lets Node write it.
process.once('SIGTERM', () => process.exit(143));
