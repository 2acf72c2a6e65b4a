// Counts the Firestore document reads and writes this process makes, as the
// service bills them: every document a query or a lookup returns (an empty
// query, or a missing document, counts one), every write of a commit or a
// bulk write. Installed around the client's two RPC entry points, so it sees
// transactions, batches, queries and BulkWriter alike.
import { Transform } from "node:stream";
import { Firestore } from "firebase-admin/firestore";

export interface Usage {
  reads: number;
  writes: number;
}

const usage: Usage = { reads: 0, writes: 0 };
let installed = false;

type Request = (this: Firestore, method: string, request: { writes?: unknown[] }, ...rest: unknown[]) => Promise<unknown>;
type RequestStream = (this: Firestore, method: string, bidirectional: boolean, ...rest: unknown[]) => Promise<NodeJS.ReadWriteStream>;

function install(): void {
  if (installed) return;
  installed = true;
  const proto = Firestore.prototype as unknown as { request: Request; requestStream: RequestStream };
  const request = proto.request;
  proto.request = function (method, body, ...rest) {
    if (method === "commit" || method === "batchWrite") usage.writes += body.writes?.length ?? 0;
    return request.call(this, method, body, ...rest);
  };
  const requestStream = proto.requestStream;
  proto.requestStream = async function (method, bidirectional, ...rest) {
    const stream = await requestStream.call(this, method, bidirectional, ...rest);
    if (method !== "runQuery" && method !== "batchGetDocuments" && method !== "runAggregationQuery") return stream;
    let documents = 0;
    const counted = new Transform({
      objectMode: true,
      transform(chunk: { document?: unknown; found?: unknown; missing?: unknown }, _encoding, done) {
        if (chunk.document || chunk.found || chunk.missing) documents += 1;
        done(null, chunk);
      },
      flush(done) {
        usage.reads += method === "batchGetDocuments" ? documents : Math.max(1, documents);
        done();
      },
    });
    stream.on("error", (error: Error) => counted.destroy(error));
    return stream.pipe(counted);
  };
}

/** Runs `work` and returns the reads and writes it made (nothing else may use Firestore in this process meanwhile). */
export async function metered<T>(work: () => Promise<T>): Promise<Usage & { result: T }> {
  install();
  const before = { ...usage };
  const result = await work();
  return { reads: usage.reads - before.reads, writes: usage.writes - before.writes, result };
}
