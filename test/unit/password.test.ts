import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../lib/auth/password";

const B64 = "[A-Za-z0-9+/]+={0,2}";

describe("password hashing (scrypt)", () => {
  it("writes scrypt$N$r$p$salt$hash with a 16-byte salt and a 64-byte key", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(new RegExp(`^scrypt\\$16384\\$8\\$1\\$${B64}\\$${B64}$`));
    const [, , , , salt, key] = stored.split("$");
    expect(Buffer.from(salt, "base64")).toHaveLength(16);
    expect(Buffer.from(key, "base64")).toHaveLength(64);
    expect(stored).not.toContain("correct horse");
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("s3cret-passphrase");
    expect(await verifyPassword("s3cret-passphrase", stored)).toBe(true);
    expect(await verifyPassword("s3cret-passphrasf", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
    expect(await verifyPassword("S3cret-passphrase", stored)).toBe(false);
  });

  it("salts: the same password hashes differently each time, and both verify", async () => {
    const a = await hashPassword("same-password-twice");
    const b = await hashPassword("same-password-twice");
    expect(a).not.toBe(b);
    expect(a.split("$")[4]).not.toBe(b.split("$")[4]);
    expect(await verifyPassword("same-password-twice", a)).toBe(true);
    expect(await verifyPassword("same-password-twice", b)).toBe(true);
  });

  it("normalises Unicode (NFKC): a composed and a decomposed é are the same password", async () => {
    const stored = await hashPassword("caf\u00e9-au-lait!");
    expect(await verifyPassword("cafe\u0301-au-lait!", stored)).toBe(true);
  });

  it("refuses malformed stored values instead of throwing", async () => {
    for (const bad of ["", "plain", "bcrypt$1$2$3$4$5", "scrypt$16384$8$1$onlysalt"]) {
      expect(await verifyPassword("anything", bad), bad).toBe(false);
    }
  });
});
