// Finds a Firestore emulator the Firebase CLI can start without downloading.
// Order: an explicit FIRESTORE_EMULATOR_BINARY_PATH → gcloud's installed jar
// through a launcher jar generated here → nothing (the CLI downloads its own).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { crc32 } from "node:zlib";

const MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";
const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "../..");
const LAUNCHER = join(ROOT, ".cache", "firestore-emulator-launcher.jar");

/** Fails with an actionable message when no Java runtime is on PATH. */
export function requireJava() {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      "Java is required to run the Firestore emulator but `java` was not found.\n" +
        "Install a Java 17 runtime, e.g. `sudo apt-get install -y openjdk-17-jre-headless` (Debian/Ubuntu).",
    );
  }
}

/** Path of gcloud's installed Firestore emulator jar, or undefined. */
function gcloudFirestoreJar() {
  const roots = ["/usr/lib/google-cloud-sdk"];
  try {
    const root = execFileSync("gcloud", ["info", "--format=value(installation.sdk_root)"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    if (root) roots.unshift(root);
  } catch {
    // gcloud not installed: fall through to the well-known Debian path.
  }
  return roots.map((root) => join(root, "platform", "cloud-firestore-emulator", "cloud-firestore-emulator.jar")).find((jar) => existsSync(jar));
}

/**
 * Manifest lines may hold at most 72 bytes; longer values continue on lines
 * that start with one space (JAR spec), e.g. a long Class-Path.
 */
function manifestLine(name, value) {
  const full = `${name}: ${value}`;
  const parts = [full.slice(0, 72)];
  for (let i = 72; i < full.length; i += 71) parts.push(` ${full.slice(i, i + 71)}`);
  return parts.join("\r\n");
}

/** A zip archive holding one stored (uncompressed) file. */
function singleFileZip(name, content) {
  const nameBytes = Buffer.from(name, "utf8");
  const data = Buffer.from(content, "utf8");
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4); // version needed
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // version made by
  central.writeUInt16LE(10, 6); // version needed
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const localSize = local.length + nameBytes.length + data.length;
  const centralSize = central.length + nameBytes.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(localSize, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

/** Writes a jar whose manifest starts gcloud's emulator class from its own jar. */
function writeLauncher(targetJar) {
  const manifest = ["Manifest-Version: 1.0", manifestLine("Main-Class", MAIN_CLASS), manifestLine("Class-Path", `file:${targetJar}`)].join("\r\n") + "\r\n\r\n";
  mkdirSync(dirname(LAUNCHER), { recursive: true });
  writeFileSync(LAUNCHER, singleFileZip("META-INF/MANIFEST.MF", manifest));
  return LAUNCHER;
}

/**
 * Environment for `firebase emulators:*`: sets FIRESTORE_EMULATOR_BINARY_PATH
 * unless the caller already did, and says where the emulator comes from.
 */
export function firestoreEmulatorEnv(env = process.env) {
  requireJava();
  if (env.FIRESTORE_EMULATOR_BINARY_PATH) {
    return { env, source: `FIRESTORE_EMULATOR_BINARY_PATH=${env.FIRESTORE_EMULATOR_BINARY_PATH}` };
  }
  const jar = gcloudFirestoreJar();
  if (!jar) return { env, source: "the Firebase CLI's own download" };
  return {
    env: { ...env, FIRESTORE_EMULATOR_BINARY_PATH: writeLauncher(jar) },
    source: `gcloud's ${jar} (through ${LAUNCHER})`,
  };
}
