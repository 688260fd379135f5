// The baseline server: bare node:http answering "hello", started and measured like Mamori.
import { createServer } from "node:http";

const server = createServer((_request, response) => {
	response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
	response.end("hello");
});
server.listen(Number(process.env.PORT ?? 0), "0.0.0.0", () => {
	const address = server.address();
	const port = typeof address === "object" && address ? address.port : 0;
	console.log(`hello: http://localhost:${port}/`);
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
