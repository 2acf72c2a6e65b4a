import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { describe, expect, it } from "vitest";
import { ROLES, UIDS, rulesEnvironment, type Role } from "../support/rules.js";

// Rules of the coach app's collections: message threads, reviews and
// erasure reports. Same roles and project as firestore-rules.test.ts.

const { env, as } = rulesEnvironment(async (setDoc) => {
  await setDoc("coaches/emma-c", { ownerUid: "emma", name: "Emma" });
  await setDoc("coaches/otto-c", { ownerUid: "otto", name: "Otto" });
  await setDoc("coaches/emma-c/threads/lena", { clientUid: "lena", lastText: "See you Tuesday" });
  await setDoc("coaches/emma-c/threads/lena/messages/m1", { from: "client", senderUid: "lena", text: "See you Tuesday" });
  await setDoc("coaches/emma-c/threads/max/messages/m2", { from: "coach", senderUid: "emma", text: "Hi Max" });
  await setDoc("coaches/emma-c/reviews/b1", { clientUid: "lena", submission: null });
  await setDoc("coaches/emma-c/reviews/b2", { clientUid: "max", submission: null });
  await setDoc("coaches/emma-c/erasures/gone", { byUid: "emma", report: {} });
});

/** Who may read each document; everybody else must be denied. */
const readers: Record<string, Role[]> = {
  "coaches/emma-c/threads/lena": ["client", "coach"],
  "coaches/emma-c/threads/lena/messages/m1": ["client", "coach"],
  "coaches/emma-c/threads/max/messages/m2": ["otherClient", "coach"],
  "coaches/emma-c/reviews/b1": ["client", "coach"],
  "coaches/emma-c/reviews/b2": ["otherClient", "coach"],
  "coaches/emma-c/erasures/gone": ["coach"],
};

describe("coach app reads", () => {
  for (const [path, allowed] of Object.entries(readers)) {
    for (const role of ROLES) {
      const may = allowed.includes(role);
      it(`${role} ${may ? "may" : "may not"} read ${path}`, async () => {
        await (may ? assertSucceeds : assertFails)(as(role).doc(path).get());
      });
    }
  }
});

describe("coach app writes", () => {
  // Messages and reviews are written by callables only, never by a client SDK: not even their own.
  const targets = [...Object.keys(readers), "coaches/emma-c/threads/lena/messages/new", "coaches/emma-c/reviews/new"];
  for (const path of targets) {
    for (const role of ROLES) {
      it(`${role} may not write ${path}`, async () => {
        await assertFails(as(role).doc(path).set({ clientUid: UIDS.client, from: "client", senderUid: UIDS.client, text: "forged", publishedAt: null }));
      });
    }
  }
  it("nobody may delete a message, not even the coach", async () => {
    await assertFails(as("coach").doc("coaches/emma-c/threads/lena/messages/m1").delete());
    await assertFails(as("client").doc("coaches/emma-c/threads/lena/messages/m1").delete());
  });
});

describe("coach app queries", () => {
  it("the client lists their thread's messages; another client and another coach may not", async () => {
    const messages = (role: Role) => as(role).collection("coaches/emma-c/threads/lena/messages").orderBy("at").get();
    await assertSucceeds(messages("client"));
    await assertSucceeds(messages("coach"));
    await assertFails(messages("otherClient"));
    await assertFails(messages("otherCoach"));
    await assertFails(messages("anonymous"));
  });

  it("the coach lists every thread (the inbox); a client may not list them", async () => {
    const threads = (role: Role) => as(role).collection("coaches/emma-c/threads").get();
    const inbox = await assertSucceeds(threads("coach"));
    expect(inbox.docs.map((d) => d.id)).toEqual(["lena"]);
    await assertFails(threads("client"));
    await assertFails(threads("otherCoach"));
  });

  it("a client lists only their own reviews (the query must say so)", async () => {
    const mine = await assertSucceeds(as("client").collection("coaches/emma-c/reviews").where("clientUid", "==", "lena").get());
    expect(mine.docs.map((d) => d.id)).toEqual(["b1"]);
    await assertFails(as("client").collection("coaches/emma-c/reviews").get());
    await assertFails(as("otherCoach").collection("coaches/emma-c/reviews").where("clientUid", "==", "lena").get());
    const all = await assertSucceeds(as("coach").collection("coaches/emma-c/reviews").get());
    expect(all.size).toBe(2);
  });

  it("the client's realtime listener on their thread sees a new message as it is written", async () => {
    const db = env().authenticatedContext("lena").firestore();
    const seen: string[][] = [];
    const received = new Promise<void>((resolve, reject) => {
      const stop = db.collection("coaches/emma-c/threads/lena/messages").onSnapshot((snapshot) => {
        seen.push(snapshot.docs.map((d) => String(d.get("text"))));
        if (snapshot.size === 2) {
          stop();
          resolve();
        }
      }, reject);
    });
    await env().withSecurityRulesDisabled((context) =>
      context.firestore().doc("coaches/emma-c/threads/lena/messages/m3").set({ from: "coach", senderUid: "emma", text: "Court 3 at 18:00" }),
    );
    await received;
    expect(seen.at(-1)?.sort()).toEqual(["Court 3 at 18:00", "See you Tuesday"]);
  });
});
