import * as tf from '@tensorflow/tfjs';

/**
 * The TensorFlow.js runtime every ML stage shares: the native backend when `@tensorflow/tfjs-node`
 * is installed (an optional dependency whose install downloads libtensorflow, so it is absent where
 * that download fails), else WebAssembly, which fits LSTMs about 5× faster than the pure-JS CPU
 * backend. `CA_TF_BACKEND=native|wasm|cpu` forces one (tests use it to prove WASM runs alone).
 */
export type TfBackendName = 'tensorflow' | 'wasm' | 'cpu';
export type TfBackendChoice = 'native' | 'wasm' | 'cpu';

export interface TfRuntime {
  tf: typeof tf;
  backend: TfBackendName;
  /** Why this backend: which were tried and why they were passed over. */
  note: string;
}

let runtime: Promise<TfRuntime> | null = null;

/** The shared runtime, initialised once per process. */
export function tfRuntime(): Promise<TfRuntime> {
  runtime ??= initialise(backendChoice(process.env.CA_TF_BACKEND));
  return runtime;
}

function backendChoice(value: string | undefined): TfBackendChoice | null {
  if (value === undefined || value === '') return null;
  if (value === 'native' || value === 'wasm' || value === 'cpu') return value;
  throw new Error(`CA_TF_BACKEND must be native, wasm or cpu (got '${value}')`);
}

async function initialise(forced: TfBackendChoice | null): Promise<TfRuntime> {
  const passedOver: string[] = [];
  if (forced === null || forced === 'native') {
    const native = await tryNative();
    if (native === null) return use('tensorflow', passedOver);
    if (forced === 'native')
      throw new Error(`the native TensorFlow backend is not usable: ${native}`);
    passedOver.push(`native: ${native}`);
  }
  if (forced === null || forced === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
    if (await tf.setBackend('wasm')) return use('wasm', passedOver);
    if (forced === 'wasm') throw new Error('the WASM TensorFlow backend failed to initialise');
    passedOver.push('wasm: failed to initialise');
  }
  if (!(await tf.setBackend('cpu'))) throw new Error('no TensorFlow.js backend initialised');
  return use('cpu', passedOver);
}

/** Null when the native backend loaded and was selected, else why not. */
async function tryNative(): Promise<string | null> {
  const name = '@tensorflow/tfjs-node';
  try {
    // A variable specifier: the package is optional, so neither tsc nor a bundler may require it.
    await import(/* webpackIgnore: true */ name);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND'
      ? 'not installed'
      : (error as Error).message.split('\n')[0]!;
  }
  return (await tf.setBackend('tensorflow')) ? null : 'installed but failed to initialise';
}

async function use(backend: TfBackendName, passedOver: string[]): Promise<TfRuntime> {
  await tf.ready();
  const note = passedOver.length ? `${backend} (passed over ${passedOver.join('; ')})` : backend;
  return { tf, backend, note };
}
