package main

import (
	"github.com/spf13/cobra"
)

func newRootCmd(ios *IOStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "policymetrics",
		Short: "Extract quantitative indicators from Chinese policy documents",
		Long: `policymetrics reads Chinese policy documents (government work reports, replies to
proposals, plans, bulletins) and emits every quantitative indicator in them as a
structured record: what is measured, the value in a canonical unit (34.1亿元 is
3410000000 元), the period, qualifiers, and where in the source it stands.

Exit status: 0 when every input was read (and, for check, everything matched);
1 when some input failed or a check found differences; 2 on a usage error.`,
		Example: `  # every indicator of a report, as JSON Lines
  policymetrics extract report.txt

  # a folder of documents to a spreadsheet
  policymetrics extract -o indicators.csv reports/

  # what does a phrase mean?
  policymetrics normalize 34.1亿元 近4万项 百分之六点五`,
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	// --version without -v: -v is --verbose wherever a command has one.
	root.Flags().Bool("version", false, "print the version")
	root.SetVersionTemplate("policymetrics version {{.Version}}\n")
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%v (see %s --help)", err, c.CommandPath())
	})
	root.AddCommand(newNormalizeCmd(ios))
	root.AddCommand(newCheckCmd(ios))
	root.AddCommand(newSchemaCmd(ios))
	root.AddCommand(newExtractCmd(ios))
	root.AddCommand(newTableCmd(ios))
	root.AddCommand(newTextCmd(ios))
	root.AddCommand(newVersionCmd(ios))
	return root
}
