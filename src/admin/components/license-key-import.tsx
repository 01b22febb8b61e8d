import { Button, Drawer, Heading, Label, RadioGroup, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useId, useMemo, useRef, useState, type ChangeEvent } from "react"
import { errorMessage } from "../lib/errors"
import { LICENSE_KEYS_KEY, licenseClient } from "../lib/license-keys"
import type { LicenseKeyImportResult } from "../lib/types"

const MAX_CHARS = 2_000_000
const MAX_ROWS = 5000
const ERRORS_SHOWN = 200
const EXAMPLE_HEADER = "key,email,product_title,activation_limit,expires_at,status"
const EXAMPLE_ROW = "ACME-7K2PQ-9QXMB-4TDVW,jane@example.com,Acme Pro,3,2027-01-31,active"

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/**
 * Brings license keys sold elsewhere into the portal from a CSV file or pasted
 * text: checked first without saving anything, then imported.
 */
export const LicenseKeyImport = () => {
  const queryClient = useQueryClient()
  const id = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [open, setOpen] = useState(false)
  const [pasted, setPasted] = useState("")
  const [mode, setMode] = useState<"live" | "test">("live")
  const [file, setFile] = useState<{ name: string; text: string } | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  // The result belongs to the text it was made for; changing the text clears it.
  const [result, setResult] = useState<LicenseKeyImportResult | null>(null)
  const [requestError, setRequestError] = useState<string | null>(null)

  const csv = file ? file.text : pasted
  // Lines with text under the header; a quoted field over several lines counts more than once.
  const rows = useMemo(() => Math.max(0, csv.split(/\r\n|\n|\r/).filter((line) => line.trim()).length - 1), [csv])
  const tooBig = csv.length > MAX_CHARS

  const reset = () => {
    setPasted("")
    setMode("live")
    setFile(null)
    setFileError(null)
    setResult(null)
    setRequestError(null)
    if (fileInput.current) fileInput.current.value = ""
  }
  const changed = () => {
    setResult(null)
    setRequestError(null)
  }

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0]
    changed()
    setFileError(null)
    if (!chosen) return setFile(null)
    if (chosen.size > MAX_CHARS) {
      setFile(null)
      event.target.value = ""
      return setFileError(`${chosen.name} is over 2 MB: split it into smaller files.`)
    }
    try {
      setFile({ name: chosen.name, text: await chosen.text() })
    } catch {
      setFile(null)
      setFileError(`${chosen.name} could not be read. Choose it again.`)
    }
  }

  const run = useMutation({
    mutationFn: (dry_run: boolean) => licenseClient.keys.import({ csv, dry_run, mode }),
    onMutate: () => setRequestError(null),
    onSuccess: (data) => {
      setResult(data)
      if (!data.dry_run) {
        queryClient.invalidateQueries({ queryKey: LICENSE_KEYS_KEY })
        toast.success(data.imported ? `Imported ${plural(data.imported, "license key")}.` : "No keys were imported.")
      }
    },
    onError: (error, dry_run) => {
      setResult(null)
      setRequestError(errorMessage(error, dry_run ? "The file could not be checked. Try again." : "The keys could not be imported. Try again."))
    },
  })

  const checked = result?.dry_run ? result : null
  const done = result && !result.dry_run ? result : null
  const canCheck = !!csv.trim() && !tooBig && !run.isPending

  return (
    <Drawer
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) reset()
      }}
    >
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          Import CSV
        </Button>
      </Drawer.Trigger>
      <Drawer.Content aria-describedby={`${id}-help`}>
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading level="h2">Import license keys</Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-5 overflow-y-auto">
          <div id={`${id}-help`} className="flex flex-col gap-y-2">
            <Text size="small" className="text-ui-fg-subtle">
              Keys sold elsewhere, one per row, under a header row naming the columns:
            </Text>
            <ul className="txt-small text-ui-fg-subtle list-disc pl-5">
              <li>
                <code>key</code> (required): 16 to 64 letters and digits in groups joined by dashes, hard to guess (about 64 bits:
                for example 16 random letters and digits; keys such as ACME-2024-0000-0001 are refused).
              </li>
              <li>
                <code>email</code> (required): the customer's email. The customer must already exist in the store.
              </li>
              <li>
                <code>product_title</code> (required): what the key is for, as the customer sees it.
              </li>
              <li>
                <code>activation_limit</code>: a whole number, or empty for unlimited activations.
              </li>
              <li>
                <code>expires_at</code>: a date such as 2027-01-31, or empty for a lifetime key.
              </li>
              <li>
                <code>status</code>: active or revoked; empty means active.
              </li>
            </ul>
            <Text size="small" className="text-ui-fg-subtle">
              Keys already in the store are skipped. At most {MAX_ROWS} rows and 2 MB per file. For example:
            </Text>
            <pre className="bg-ui-bg-subtle txt-compact-xsmall overflow-x-auto rounded-md p-2 font-mono">
              {EXAMPLE_HEADER}
              {"\n"}
              {EXAMPLE_ROW}
            </pre>
          </div>

          <div className="flex flex-col gap-y-2">
            <Label htmlFor={`${id}-file`} size="small" weight="plus">
              CSV file
            </Label>
            <input
              ref={fileInput}
              id={`${id}-file`}
              type="file"
              accept=".csv,text/csv"
              onChange={pick}
              aria-invalid={!!fileError}
              aria-describedby={fileError ? `${id}-file-error` : undefined}
              className="txt-small file:bg-ui-button-neutral file:shadow-buttons-neutral file:text-ui-fg-base file:txt-compact-small-plus file:mr-3 file:rounded-md file:border-0 file:px-2 file:py-1"
            />
            {fileError && (
              <Text id={`${id}-file-error`} size="small" className="text-ui-fg-error" role="alert">
                {fileError}
              </Text>
            )}
            {file && (
              <div className="flex items-center gap-x-2">
                <Text size="small" className="text-ui-fg-subtle">
                  {file.name}: {plural(rows, "line")} under the header.
                </Text>
                <Button
                  type="button"
                  size="small"
                  variant="transparent"
                  onClick={() => {
                    setFile(null)
                    changed()
                    if (fileInput.current) fileInput.current.value = ""
                  }}
                >
                  Remove
                </Button>
              </div>
            )}
          </div>

          {!file && (
            <div className="flex flex-col gap-y-2">
              <Label htmlFor={`${id}-paste`} size="small" weight="plus">
                Or paste the CSV
              </Label>
              <Textarea
                id={`${id}-paste`}
                rows={8}
                value={pasted}
                onChange={(e) => {
                  setPasted(e.target.value)
                  changed()
                }}
                placeholder={EXAMPLE_HEADER}
                className="font-mono"
                spellCheck={false}
              />
            </div>
          )}

          <fieldset className="flex flex-col gap-y-2">
            <legend className="txt-compact-small-plus mb-2">The keys are</legend>
            <RadioGroup
              value={mode}
              onValueChange={(value) => {
                setMode(value as "live" | "test")
                changed()
              }}
              className="flex flex-col gap-y-2"
            >
              <div className="flex items-center gap-x-2">
                <RadioGroup.Item value="live" id={`${id}-live`} />
                <Label htmlFor={`${id}-live`} size="small">
                  Live: sold for real money. The license API calls them valid.
                </Label>
              </div>
              <div className="flex items-center gap-x-2">
                <RadioGroup.Item value="test" id={`${id}-test`} />
                <Label htmlFor={`${id}-test`} size="small">
                  Test: valid only to software that asks about test keys, shown only in test-mode sessions.
                </Label>
              </div>
            </RadioGroup>
          </fieldset>

          {tooBig && (
            <Text size="small" className="text-ui-fg-error" role="alert">
              The text is over 2 MB: split it into smaller files.
            </Text>
          )}
          {requestError && (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {requestError}
            </Text>
          )}
          <div aria-live="polite">{result && <ImportResult result={result} />}</div>
        </Drawer.Body>
        <Drawer.Footer>
          {done ? (
            <Drawer.Close asChild>
              <Button size="small">Done</Button>
            </Drawer.Close>
          ) : (
            <>
              <Drawer.Close asChild>
                <Button size="small" variant="secondary">
                  Cancel
                </Button>
              </Drawer.Close>
              <Button size="small" variant="secondary" onClick={() => run.mutate(true)} disabled={!canCheck} isLoading={run.isPending && run.variables}>
                Check file
              </Button>
              <Button
                size="small"
                onClick={() => run.mutate(false)}
                disabled={!canCheck || !checked || checked.imported === 0}
                isLoading={run.isPending && !run.variables}
              >
                {checked?.imported ? `Import ${plural(checked.imported, "key")}` : "Import"}
              </Button>
            </>
          )}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** What a check found or an import did: counts, then every row that was left out, by line. */
const ImportResult = ({ result }: { result: LicenseKeyImportResult }) => {
  const { imported, skipped, errors, dry_run } = result
  return (
    <div className="bg-ui-bg-subtle flex flex-col gap-y-2 rounded-md p-3">
      <Text size="small" weight="plus">
        {dry_run ? `Would import ${plural(imported, "key")}` : `Imported ${plural(imported, "key")}`}, skip {skipped} already in the store
        {errors.length ? `, and leave out ${plural(errors.length, "row")} with problems` : ""}.
      </Text>
      {dry_run && imported > 0 && (
        <Text size="small" className="text-ui-fg-subtle">
          Nothing is saved yet. {errors.length ? "Fix the rows below and check again, or import" : "Import"} to add them.
        </Text>
      )}
      {dry_run && imported === 0 && (
        <Text size="small" className="text-ui-fg-subtle">
          There is nothing to import{errors.length ? " until the rows below are fixed" : ""}.
        </Text>
      )}
      {errors.length > 0 && (
        <ul className="flex max-h-64 flex-col gap-y-1 overflow-y-auto" aria-label="Rows with problems">
          {errors.slice(0, ERRORS_SHOWN).map((problem, i) => (
            <li key={`${problem.line}-${i}`} className="txt-small">
              <span className="txt-small-plus">Line {problem.line}:</span> {problem.message}
            </li>
          ))}
          {errors.length > ERRORS_SHOWN && (
            <li className="txt-small text-ui-fg-subtle">…and {errors.length - ERRORS_SHOWN} more.</li>
          )}
        </ul>
      )}
    </div>
  )
}
