import type { PrismaPg } from "@prisma/adapter-pg";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
export type AdapterFactory = Pick<PrismaPg, "provider" | "adapterName" | "connect">;

/**
 * Prisma's query plans run independent reads at once: a select of three
 * relations (a toolset assignment's user, group and service account) sends
 * three statements together. Outside a transaction each takes its own pooled
 * connection; inside one they all go to the transaction's single connection,
 * where node-postgres queues them and warns ("Calling client.query() when the
 * client is already executing a query", an error in pg 9). This makes each
 * interactive transaction send one statement at a time, in the order Prisma
 * issued them — what the connection did anyway, without relying on pg's
 * deprecated queue — for every transaction, not only the ones known today.
 */
export function serializeTransactionQueries(factory: AdapterFactory): AdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => oneAtATime(await startTransaction(isolationLevel));
      return adapter;
    },
  };
}

function oneAtATime(transaction: Transaction): Transaction {
  let tail: Promise<unknown> = Promise.resolve();
  const serial =
    <Args extends unknown[], Result>(run: (...args: Args) => Promise<Result>) =>
    (...args: Args): Promise<Result> => {
      const next = tail.then(() => run(...args));
      tail = next.catch(() => {});
      return next;
    };
  transaction.queryRaw = serial(transaction.queryRaw.bind(transaction));
  transaction.executeRaw = serial(transaction.executeRaw.bind(transaction));
  return transaction;
}
