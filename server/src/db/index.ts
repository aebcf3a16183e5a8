export { Database, type DatabaseOptions, type DatabaseProbe, type Params, type Row, type WriteTx, type QueryObserver } from "./database.js";
export { migrate, MIGRATIONS } from "./migrations.js";
