// Where the site finds the functions: set at build time (see README, "Site modes").

/** Base URL of the callables, e.g. http://127.0.0.1:5001/demo-solocoach/europe-west1. */
export const FUNCTIONS_ORIGIN: string = import.meta.env.PUBLIC_FUNCTIONS_ORIGIN;
