;;; eglot_e2e.el --- perfhint under eglot, end to end  -*- lexical-binding: t; -*-

;; Run by eglot_e2e.sh: emacs --batch -Q -l eglot_e2e.el, with PERFHINT_BINARY,
;; PERFHINT_EMACS_DIR (editors/emacs) and PERFHINT_PROJECT (a project holding src/sample.py).
;; Opens the file, waits for perfhint's diagnostics in flymake, runs a code action as a user
;; picking it by title would, and checks the buffer's text.

(require 'package)
;; Debian's elpa-eglot lives in the system package directory, which -Q leaves out.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'cl-lib)
(require 'flymake)
(add-to-list 'load-path (getenv "PERFHINT_EMACS_DIR"))
(require 'perfhint-eglot)

(defconst perfhint-test-timeout 15.0 "Seconds to wait for each step.")

(defun perfhint-test-fail (format-string &rest args)
  (message "FAIL: %s" (apply #'format format-string args))
  (kill-emacs 1))

(defun perfhint-test-wait (what predicate)
  "Process events until PREDICATE holds; fail naming WHAT on timeout."
  (let ((deadline (+ (float-time) perfhint-test-timeout)))
    (while (not (funcall predicate))
      (when (> (float-time) deadline)
        (perfhint-test-fail "timed out after %.0f s waiting for %s" perfhint-test-timeout what))
      (accept-process-output nil 0.05))))

(defun perfhint-test-expect (what actual expected)
  (unless (equal actual expected)
    (perfhint-test-fail "%s:\n  expected %S\n  got      %S" what expected actual)))

(defun perfhint-test-diagnostics ()
  "perfhint's flymake diagnostics as (LINE TEXT), sorted by line."
  ;; Idle timers never fire in batch mode: do what eglot's (send the pending changes) and
  ;; flymake's (ask the backends) would do once the user stops typing.
  (when eglot--managed-mode
    (when eglot--change-idle-timer
      (cancel-timer eglot--change-idle-timer)
      (setq eglot--change-idle-timer nil)
      (eglot--signal-textDocument/didChange))
    (flymake-start))
  (sort (cl-loop for diagnostic in (flymake-diagnostics)
                 for text = (flymake-diagnostic-text diagnostic)
                 when (string-prefix-p "perfhint " text)
                 collect (list (line-number-at-pos (flymake-diagnostic-beg diagnostic)) text))
        (lambda (a b) (< (car a) (car b)))))

(defun perfhint-test-code-action (line column title)
  "Run the code action TITLE at LINE (1-based), COLUMN as `M-x eglot-code-actions' would."
  (goto-char (point-min))
  (forward-line (1- line))
  (move-to-column column)
  (let ((before (buffer-modified-tick))
        (offered nil))
    (cl-letf (((symbol-function 'completing-read)
               (lambda (_prompt collection &rest _)
                 (setq offered (mapcar #'car collection))
                 (or (car (member title offered))
                     (perfhint-test-fail "no code action titled %S among %S" title offered)))))
      ;; Not a mouse event, so eglot asks with completing-read rather than a popup menu.
      (let ((last-nonmenu-event ?\r))
        (eglot-code-actions (point) nil nil t)))
    (perfhint-test-wait (format "the code action %S to change the buffer" title)
                        (lambda () (/= before (buffer-modified-tick))))))

(setq perfhint-eglot-command (list (getenv "PERFHINT_BINARY") "server"))
(setq eglot-sync-connect t
      eglot-autoshutdown t
      eglot-confirm-server-initiated-edits nil
      flymake-no-changes-timeout 0.1)
;; Only these rules, so rules added later do not change the expectations.
(setq-default eglot-workspace-configuration
              '(:perfhint (:select ["PH101" "PH701"] :debounceMs 0)))

(message "step: open sample.py")
(find-file (expand-file-name "src/sample.py" (getenv "PERFHINT_PROJECT")))
(python-mode)
(defconst perfhint-test-original (buffer-string))
(message "step: start eglot")
(apply #'eglot (eglot--guess-contact))
(perfhint-test-wait "eglot to manage the buffer" (lambda () eglot--managed-mode))

(message "step: diagnostics")
(perfhint-test-wait "perfhint's diagnostics in flymake"
                    (lambda () (= 2 (length (perfhint-test-diagnostics)))))
(perfhint-test-expect
 "diagnostics (line, text)" (perfhint-test-diagnostics)
 '((12 "perfhint [PH701]: Membership test against a list of constants; use a set literal")
   (18 "perfhint [PH101]: `result` is built by `.append` in a loop; use a list comprehension")))

(message "step: code action: the PH101 fix")
(perfhint-test-code-action 18 10 "Replace the loop with a list comprehension (PH101)")
(defconst perfhint-test-squares-fixed
  (replace-regexp-in-string
   (regexp-quote "    result = []\n    for n in numbers:\n        result.append(n * n)\n")
   "    result = [n * n for n in numbers]\n" perfhint-test-original t t))
(perfhint-test-expect "buffer after the PH101 fix" (buffer-string) perfhint-test-squares-fixed)
(perfhint-test-wait "the diagnostics to drop PH101"
                    (lambda () (= 1 (length (perfhint-test-diagnostics)))))

(message "step: code action: ignore PH701")
(perfhint-test-code-action 12 25 "Ignore PH701 on this line")
(goto-char (point-min))
(forward-line 11)
(perfhint-test-expect "line 12 after ignoring PH701"
                      (buffer-substring (line-beginning-position) (line-end-position))
                      "    seen = letter in [\"a\", \"e\", \"i\", \"o\", \"u\"]  # noqa: PH701")
(perfhint-test-wait "the diagnostics to clear"
                    (lambda () (null (perfhint-test-diagnostics))))

(message "step: shutdown")
(set-buffer-modified-p nil)
(eglot-shutdown (eglot-current-server))
(message "eglot e2e: all steps passed")
(kill-emacs 0)
;;; eglot_e2e.el ends here
