// The one spec that signs in through the form: login, logout, wrong password, malformed input, expiry.
import { expect, test } from "@playwright/test";
import { PASSWORD, account } from "./support/accounts";

test("signs in with the form, lands on the organization dashboard, signs out", async ({ page }) => {
  await page.goto("/acme/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill(account("acme", "ADMIN"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/acme\/dashboard$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(account("acme", "ADMIN"));
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/acme/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password is refused with a clear message and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account("acme", "ADMIN"));
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session).toEqual({});
});

test("an unknown email gets the same message as a wrong password", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@nowhere.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
});

test("malformed login input gets a message in the form and from the API", async ({ page, request }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Enter a valid email address.");
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "x".repeat(5000), password: "", json: "true" },
    maxRedirects: 0,
  });
  expect(res.status()).toBeLessThan(500);
  expect(await (await request.get("/api/auth/session")).json()).toEqual({});
});

test("without a session: pages redirect to login, API routes answer 401 JSON", async ({ page, request }) => {
  for (const path of ["/", "/acme/imports", "/acme/settings", "/acme/audit"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login/);
  }
  for (const path of ["/api/orgs/acme/imports", "/api/orgs/acme/members", "/api/orgs/acme/reports/summary"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  }
  const post = await request.post("/api/orgs/acme/members", { data: { email: "x@y.z" } });
  expect(post.status()).toBe(401);
});

test("an expired or forged session cookie: login page says so, API says 401", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "next-auth.session-token", value: "expired-or-forged", url: baseURL! }]);
  await page.goto("/acme/dashboard");
  await expect(page).toHaveURL(/reason=expired/);
  await expect(page.getByTestId("login-error")).toContainText("session has expired");
  const res = await context.request.get("/api/orgs/acme/imports");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.message).toContain("expired");
});
