// Sign in through next-auth's credentials endpoint (every spec but the login spec uses this).
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { PASSWORD } from "./accounts";

export async function apiLogin(request: APIRequestContext, email: string, password = PASSWORD): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email, `signed in as ${email}`).toBe(email);
}

export async function loginAs(page: Page, email: string): Promise<void> {
  await apiLogin(page.context().request, email);
}
