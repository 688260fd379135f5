// A second baseline: the bare framework Mamori is built on (Hono on @hono/node-server) answering
// "hello", to tell the framework's own cost from Mamori's.
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono().get("/", (c) => c.text("hello"));
const server = serve(
	{ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: "0.0.0.0" },
	(info) => console.log(`hono hello: http://localhost:${info.port}/`),
);
process.once("SIGTERM", () => server.close(() => process.exit(0)));
