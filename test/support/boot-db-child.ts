// Child process for restart-after-kill.test.ts: starts the embedded database and migrates, as `npm start` does.
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";

const [dataDir, port] = process.argv.slice(2);
startEmbeddedPostgres({ dataDir, port: Number(port), log: (l) => console.log(l) })
  .then(async (db) => {
    await migrate(db.url, undefined, (l) => console.log(l));
    console.log("READY");
    setInterval(() => {}, 1000); // stay up until killed
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
