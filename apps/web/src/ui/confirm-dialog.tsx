import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from './button';

export interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  trigger: string;
  title: string;
  children: ReactNode;
  confirm: string;
  onConfirm: () => Promise<void> | void;
  tone?: 'primary' | 'danger';
}

/** Asks before something that cannot be undone; the focus stays inside until it closes. */
export function ConfirmDialog({ trigger, title, children, confirm, onConfirm, tone = 'danger' }: ConfirmDialogProps) {
  return (
    <DialogTrigger>
      <Button variant={tone === 'danger' ? 'danger' : 'secondary'}>{trigger}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                {children}
                <div className="actions">
                  <Button variant="secondary" onPress={close}>
                    Cancel
                  </Button>
                  <Button variant={tone} onPress={() => void Promise.resolve(onConfirm()).then(close)}>
                    {confirm}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
