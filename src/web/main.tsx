import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/controls.css";
import "./styles/forms.css";
import "./styles/data.css";
import "./styles/feedback.css";
import "./styles/assets.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
	<StrictMode>
		<App />
	</StrictMode>,
);
