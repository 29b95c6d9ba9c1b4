import type { IToasts, ToastInput } from '@kbn/core/public';

export interface HostToast {
  id: string;
  title: string;
  text?: string;
  color: 'success' | 'warning' | 'danger';
}

/** `notifications.toasts`: a list the chrome renders with EuiGlobalToastList. */
export class ToastStore implements IToasts {
  private toasts: HostToast[] = [];
  private listeners = new Set<(toasts: HostToast[]) => void>();
  private nextId = 0;

  subscribe(listener: (toasts: HostToast[]) => void): () => void {
    this.listeners.add(listener);
    listener(this.toasts);
    return () => this.listeners.delete(listener);
  }

  remove(id: string): void {
    this.toasts = this.toasts.filter((toast) => toast.id !== id);
    this.emit();
  }

  addSuccess = (toast: ToastInput | string) => this.add(toast, 'success');
  addWarning = (toast: ToastInput | string) => this.add(toast, 'warning');
  addDanger = (toast: ToastInput | string) => this.add(toast, 'danger');
  addError = (error: Error, options: { title: string; toastMessage?: string }) =>
    this.add({ title: options.title, text: options.toastMessage ?? error.message }, 'danger');

  private add(input: ToastInput | string, color: HostToast['color']): HostToast {
    const toast = {
      ...(typeof input === 'string' ? { title: input } : input),
      id: `toast-${this.nextId++}`,
      color,
    };
    this.toasts = [...this.toasts, toast];
    this.emit();
    return toast;
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.toasts);
  }
}
