;;; perfhint-eglot.el --- Use perfhint's language server with eglot  -*- lexical-binding: t; -*-

;;; Commentary:
;; Load this file (or copy its form into your init file) to run `perfhint server' for Python
;; buffers under eglot (Emacs 28 with the eglot package, or Emacs 29+ where eglot is built in).
;; Then `M-x eglot' in a Python buffer, or add `eglot-ensure' to `python-mode-hook'.
;; eglot 1.9 runs one server per major mode, so this replaces another Python server there.
;;
;; Settings go in `eglot-workspace-configuration', for example in .dir-locals.el:
;;   ((python-mode . ((eglot-workspace-configuration
;;                     . (:perfhint (:ignore ["PH701"] :unsafeFixes t))))))

;;; Code:

(require 'eglot)

(defcustom perfhint-eglot-command '("perfhint" "server")
  "Command that starts perfhint's language server."
  :type '(repeat string)
  :group 'eglot)

(add-to-list 'eglot-server-programs
             `((python-mode python-ts-mode) . ,(lambda (&rest _) perfhint-eglot-command)))

(provide 'perfhint-eglot)
;;; perfhint-eglot.el ends here
