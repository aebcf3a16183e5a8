import "./styles.css";
import { createApi } from "./api/index.js";
import { startApp } from "./app/app.js";

const root = document.getElementById("app");
if (root === null) throw new Error("index.html has no #app element");
startApp(root, createApi());
