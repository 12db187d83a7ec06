// The one Prisma client, server side only (the layering test keeps app/ and components/ from importing it).
// Created lazily on first use, so scripts can set DATABASE_URL before touching the database.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl } from "../env";

const globalForPrisma = globalThis as unknown as { scopebookPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

function client(): PrismaClient {
  return (globalForPrisma.scopebookPrisma ??= createPrismaClient(databaseUrl()));
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const c = client();
    const value = Reflect.get(c, property, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type Db = PrismaClient | Tx;
