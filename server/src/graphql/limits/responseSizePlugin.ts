import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ErrorCode } from "../../errors/index.js";

/**
 * Refuses to send an answer larger than `maxBytes` of JSON: the client gets one
 * RESPONSE_TOO_LARGE error (and the response's extensions) instead of the data. The cost
 * limit refuses most such operations before they run; this is the bound on what is sent.
 */
export function responseSizePlugin<TContext extends BaseContext>(maxBytes: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          if (result.data == null) return;
          const bytes = Buffer.byteLength(JSON.stringify(result), "utf8");
          if (bytes <= maxBytes) return;
          response.body.singleResult = {
            errors: [
              {
                message: `The answer (${bytes} bytes) is larger than the ${maxBytes} bytes this server sends: ask for fewer items or fields`,
                extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, bytes, maxBytes },
              },
            ],
            ...(result.extensions && { extensions: result.extensions }),
          };
          response.http.status = 400;
        },
      };
    },
  };
}
