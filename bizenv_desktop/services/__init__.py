"""Operations the GUI and the command line share. No Qt."""
