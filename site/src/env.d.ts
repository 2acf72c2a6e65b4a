interface ImportMetaEnv {
  readonly PUBLIC_FIREBASE_PROJECT_ID: string;
  readonly PUBLIC_FIREBASE_API_KEY: string;
  readonly PUBLIC_FUNCTIONS_ORIGIN: string;
  readonly PUBLIC_AUTH_EMULATOR_ORIGIN?: string;
  readonly PUBLIC_FIRESTORE_EMULATOR_HOST?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
