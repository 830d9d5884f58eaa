package exchange

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"testing"
)

// killedChildEnv makes the test binary the killed import of
// TestAKilledImportLeavesNoTempFile.
const killedChildEnv = "DUIKOU_TEST_HELD_OPS_CHILD"

// An import killed while it holds ops in its temporary file (the window
// closed from the task manager, the PC's power cut) leaves nothing in the
// temp folder: the file's ID numbers, sealed or not, are not left lying
// about, nor its gigabyte.
func TestAKilledImportLeavesNoTempFile(t *testing.T) {
	if os.Getenv(killedChildEnv) == "1" {
		holdOpsUntilKilled(t)
		return
	}
	tmp := t.TempDir()
	child := exec.Command(os.Args[0], "-test.run=^TestAKilledImportLeavesNoTempFile$", "-test.count=1")
	child.Env = append(os.Environ(), killedChildEnv+"=1", "TMPDIR="+tmp)
	child.Stderr = os.Stderr
	stdin, err := child.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "spilled\n" {
		child.Process.Kill()
		child.Wait()
		t.Fatalf("the child did not spill: %q %v", line, err)
	}
	if left := spillFiles(t, tmp); len(left) != 0 {
		t.Errorf("while the import runs, the temp folder shows %v", left)
	}
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	child.Wait()
	if left := spillFiles(t, tmp); len(left) != 0 {
		t.Fatalf("the killed import left %v", left)
	}
}

// holdOpsUntilKilled spills ops to the temporary file, says so on stdout
// and waits for its parent to kill it.
func holdOpsUntilKilled(t *testing.T) {
	spillSmall(t)
	var h heldOps
	for i := range 500 {
		op := fmt.Sprintf(`{"origin":"o","seq":%d,"row":"%d","fields":{"id_number":{"v":"620123199003141234"}}}`, i+1, i)
		if err := h.add([]byte(op)); err != nil {
			t.Fatal(err)
		}
	}
	if h.file == nil || h.w.Flush() != nil {
		t.Fatal("nothing spilled")
	}
	fmt.Println("spilled")
	io.Copy(io.Discard, os.Stdin) // until the parent kills it
}
