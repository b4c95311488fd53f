import { getHTTPStatusCode } from "@trpc/server/http";
import {
  type AnyRouter,
  getAcceptHeader,
  getErrorShape,
  getRequestInfo,
  getTRPCErrorFromUnknown,
  type inferRouterContext,
  isAsyncIterable,
  isObject,
  isPromise,
  TRPCError,
  type TRPCRequestInfo,
  transformTRPCResponse,
  urlPathToProcedurePath,
} from "@trpc/server/unstable-core-do-not-import";

/**
 * tRPC over HTTP for the calls the web app makes, without the fetch adapter's cost a request
 * (docs/benchmarks.md): GET queries and POST mutations in JSON, one or a batch, answered in one JSON body.
 * The request is read by tRPC's own `getRequestInfo` and every answer is shaped, numbered and given its HTTP
 * status by tRPC's own functions, in the order `resolveResponse` (tRPC 11.25) follows: a request it cannot read
 * is one error; otherwise each call is checked (a procedure at its path, the HTTP method its type accepts), then
 * refused if the context was, then run. Unlike the fetch adapter, it builds no Request, abort signals or Headers,
 * and passes procedures no abort signal (none of ours reads one). Streamed, form-data and octet-stream
 * requests are not plain JSON calls: the fetch adapter answers them.
 */
export function isPlainJsonCall(req: Request): boolean {
  const contentType = req.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  const json = contentType === "application/json";
  const plain =
    (req.method === "GET" && (contentType === undefined || json)) || (req.method === "POST" && json);
  return plain && getAcceptHeader(req.headers) !== "application/jsonl";
}

/** The HTTP method each procedure type accepts (no method override). */
const acceptedMethod: Record<string, string> = { query: "GET", mutation: "POST" };

/** As tRPC refuses a procedure that answers with a stream to a request that is not streamed. */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  return Object.values(value).some((each) => isPromise(each) || isAsyncIterable(each));
}

export interface JsonCallAnswer {
  status: number;
  body: string;
  /** Set when a call used the wrong method: the methods its procedure accepts. */
  allow?: string;
}

export async function answerJsonCall<TRouter extends AnyRouter>(opts: {
  req: Request;
  /** The procedure path after the endpoint, as in the URL: `members.list` or, batched, `a.b,c.d`. */
  path: string;
  router: TRouter;
  createContext: (info: TRPCRequestInfo) => inferRouterContext<TRouter>;
  onError: (error: TRPCError, path: string | undefined) => void;
}): Promise<JsonCallAnswer> {
  const { req, router } = opts;
  const config = router._def._config;
  let info: TRPCRequestInfo;
  try {
    const url = new URL(req.url);
    info = await getRequestInfo({
      req,
      path: urlPathToProcedurePath(decodePath(opts.path), config.pathSeparator),
      router,
      searchParams: url.searchParams,
      headers: req.headers,
      url,
      maxBatchSize: undefined,
    });
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    opts.onError(error, undefined);
    const answer = {
      error: getErrorShape({
        config,
        error,
        type: "unknown",
        path: undefined,
        input: undefined,
        ctx: undefined,
      }),
    };
    return {
      status: getHTTPStatusCode(answer, [error]),
      body: JSON.stringify(transformTRPCResponse(config, answer)),
    };
  }
  let ctx: inferRouterContext<TRouter> | undefined;
  let contextError: TRPCError | undefined;
  try {
    ctx = await opts.createContext(info);
  } catch (cause) {
    contextError = getTRPCErrorFromUnknown(cause);
  }
  let allow: string | undefined;
  const results = await Promise.all(
    info.calls.map(async (call): Promise<{ error: TRPCError } | { data: unknown }> => {
      const procedure = call.procedure;
      try {
        if (!procedure) {
          throw new TRPCError({ code: "NOT_FOUND", message: `No procedure found on path "${call.path}"` });
        }
        const type = procedure._def.type;
        if (acceptedMethod[type] !== req.method) {
          allow = acceptedMethod[type] ?? "GET";
          throw new TRPCError({
            code: "METHOD_NOT_SUPPORTED",
            message: `Unsupported ${req.method}-request to ${type} procedure at path "${call.path}"`,
          });
        }
        if (contextError) throw contextError;
        const data = await procedure({
          path: call.path,
          getRawInput: call.getRawInput,
          ctx,
          type,
          signal: undefined,
          batchIndex: call.batchIndex,
        });
        if (isDataStream(data)) {
          return {
            error: new TRPCError({
              code: "UNSUPPORTED_MEDIA_TYPE",
              message: "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink",
            }),
          };
        }
        return { data };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        opts.onError(error, call.path);
        return { error };
      }
    }),
  );
  const answers = results.map((result, index) => {
    if (!("error" in result)) return { result: { data: result.data } };
    const call = info.calls[index];
    return {
      error: getErrorShape({
        config,
        ctx,
        error: result.error,
        input: call?.result(),
        path: call?.path,
        type: call?.procedure?._def.type ?? "unknown",
      }),
    };
  });
  const errors = results.map((result) => ("error" in result ? result.error : undefined));
  const body = info.isBatchCall ? answers : answers[0];
  return {
    status: getHTTPStatusCode(answers, errors),
    body: JSON.stringify(transformTRPCResponse(config, body ?? [])),
    ...(allow ? { allow } : {}),
  };
}

/** A malformed escape in the path is the request's fault (as tRPC says), not a server error. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch (cause) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Invalid URL-encoding in path "${path}"`, cause });
  }
}
