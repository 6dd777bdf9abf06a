// A CPU pool entry that fails while loading, for the test that a broken entry fails tasks instead of hanging.
throw new Error('this entry is broken on purpose');
