module fsconform/gofsc

go 1.19
