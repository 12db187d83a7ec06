import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Scopebook", template: "%s · Scopebook" },
  description: "Carbon accounting and CSRD reporting from measured and reported emissions.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
