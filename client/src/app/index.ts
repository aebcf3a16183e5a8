export { startApp } from "./app.js";
